import { useEffect, useState } from "react";
import { NavLink, Outlet } from "react-router";
import { csrfToken } from "../api/client";
import { useMe } from "../api/hooks";
import { ErrorMessage } from "./Feedback";

type Theme = "light" | "dark";

function initialTheme(): Theme {
  const saved = localStorage.getItem("taskforce-theme");
  if (saved === "light" || saved === "dark") return saved;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function Layout() {
  const me = useMe();
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(() => {
    document.documentElement.dataset["theme"] = theme;
    localStorage.setItem("taskforce-theme", theme);
  }, [theme]);

  if (me.error) {
    return (
      <main id="main" className="signed-out">
        <h1>Taskforce console</h1>
        <ErrorMessage error={me.error} />
        <p>
          <a className="button" href="/oauth2/authorization/keycloak">
            Sign in
          </a>
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
