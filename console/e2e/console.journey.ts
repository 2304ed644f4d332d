import { test } from "@playwright/test";
import { themeAndSignOut } from "./journeys/account";
import { jointCase } from "./journeys/cases";
import { figures, keyboardOnly } from "./journeys/checkForm";
import { checkRegisterAndConflict, renewAndWithdraw } from "./journeys/deconfliction";
import { operationOnTheMap } from "./journeys/operations";
import { reviewQueue } from "./journeys/review";

// The task force at work in Chromium against the real local stack (Keycloak, the three services,
// the gateway, the demo data). The journeys build on each other, in this order; each is in
// journeys/, by what it is about.
test.describe.configure({ mode: "serial" });

checkRegisterAndConflict();
jointCase();
renewAndWithdraw();
reviewQueue();
operationOnTheMap();
keyboardOnly();
themeAndSignOut();
figures();
