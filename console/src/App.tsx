import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { ApiError } from "./api/client";
import { Loading } from "./ui/Feedback";
import { Layout } from "./ui/Layout";

// One chunk per screen: the check screen loads only what it needs.
const MyWork = lazy(() => import("./pages/MyWork"));
const CheckPage = lazy(() => import("./check/CheckPage"));
const ConflictsPage = lazy(() => import("./pages/ConflictsPage"));
const CasesPage = lazy(() => import("./pages/CasesPage"));
const CasePage = lazy(() => import("./pages/CasePage"));
const ReviewQueuePage = lazy(() => import("./review/ReviewQueuePage"));
const RegistrationsPage = lazy(() => import("./registrations/RegistrationsPage"));
const EditTargetPage = lazy(() => import("./registrations/EditTargetPage"));
const OperationPage = lazy(() => import("./operations/OperationPage"));
const ReportsPage = lazy(() => import("./reports/ReportsPage"));
const ReportRecordsPage = lazy(() => import("./reports/RecordsPage"));
const TipsPage = lazy(() => import("./intake/TipsPage"));
const TipPage = lazy(() => import("./intake/TipPage"));
const NewTipPage = lazy(() => import("./intake/NewTipPage"));
const WebhooksPage = lazy(() => import("./webhooks/WebhooksPage"));

const page = (element: React.ReactNode) => (
  <Suspense fallback={<Loading what="the page" />}>{element}</Suspense>
);

// The gateway serves index.html for exactly these paths (ConsoleRoutes); keep them in step.
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: "/", element: page(<MyWork />) },
      { path: "/check", element: page(<CheckPage />) },
      { path: "/conflicts", element: page(<ConflictsPage />) },
      { path: "/cases", element: page(<CasesPage />) },
      { path: "/cases/:caseId", element: page(<CasePage />) },
      { path: "/review", element: page(<ReviewQueuePage />) },
      { path: "/registrations", element: page(<RegistrationsPage />) },
      { path: "/registrations/targets/:registrationId", element: page(<EditTargetPage />) },
      { path: "/operations", element: page(<OperationPage />) },
      { path: "/reports", element: page(<ReportsPage />) },
      { path: "/reports/records", element: page(<ReportRecordsPage />) },
      { path: "/tips", element: page(<TipsPage />) },
      { path: "/tips/new", element: page(<NewTipPage />) },
      { path: "/tips/:tipId", element: page(<TipPage />) },
      { path: "/webhooks", element: page(<WebhooksPage />) },
    ],
  },
]);

export function newQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // Refusals (4xx) are answers, not glitches: do not retry them.
        retry: (count, error) =>
          !(error instanceof ApiError && error.httpStatus < 500) && count < 2,
      },
    },
  });
}

const queryClient = newQueryClient();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
