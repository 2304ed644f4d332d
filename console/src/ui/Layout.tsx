import { NavLink, Outlet } from "react-router";
import { csrfToken } from "../api/client";
import { reportRoles, roles, signedOut, useMe } from "../api/hooks";
import { useLiveUpdates } from "../api/live";
import { ErrorMessage } from "./Feedback";
import { useTheme } from "./theme";

export function Layout() {
  const me = useMe();
  const [theme, setTheme] = useTheme(me.data?.username);
  useLiveUpdates(me.data !== undefined);

  if (me.error) {
    return (
      <main id="main" className="signed-out">
        <h1>Taskforce console</h1>
        <ErrorMessage error={me.error} />
        <p>
          {signedOut(me.error) ? (
            <a className="button" href="/oauth2/authorization/keycloak">
              Sign in
            </a>
          ) : (
            <button
              type="button"
              onClick={() => {
                void me.refetch();
              }}
            >
              Try again
            </button>
          )}
        </p>
      </main>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Taskforce</span>
        <nav aria-label="Main">
          <NavLink to="/" end>
            My work
          </NavLink>
          <NavLink to="/check">Check before acting</NavLink>
          <NavLink to="/conflicts">Conflicts</NavLink>
          <NavLink to="/cases">Cases</NavLink>
          <NavLink to="/tips">Tips</NavLink>
          <NavLink to="/operations">Plan an operation</NavLink>
          <NavLink to="/registrations">Registrations</NavLink>
          {me.data?.roles.includes(roles.watchOfficer) && (
            <NavLink to="/review">Review queue</NavLink>
          )}
          {me.data?.roles.some((role) => reportRoles.includes(role)) && (
            <NavLink to="/reports">Reports</NavLink>
          )}
          {me.data?.roles.includes(roles.admin) && <NavLink to="/webhooks">Webhooks</NavLink>}
        </nav>
        <div className="who">
          {me.data && (
            <span data-testid="signed-in-as">
              {me.data.name} · {me.data.agency}
            </span>
          )}
          <button
            type="button"
            className="secondary"
            aria-pressed={theme === "dark"}
            onClick={() => {
              setTheme(theme === "dark" ? "light" : "dark");
            }}
          >
            Dark theme
          </button>
          <form method="post" action="/logout">
            <input type="hidden" name="_csrf" value={csrfToken() ?? ""} />
            <button type="submit" className="secondary">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
