/**
 * @module The layout of the secretariat's pages: the one Layout, its title "Fejl: …" when a refused form
 * is shown again (the first thing a screen reader hears, WCAG 3.3.1), and breadcrumbs that start at the
 * workspace.
 */
import type { Child } from "hono/jsx";
import type { FieldError } from "../components/form-parts.js";
import { type Crumb, Layout } from "../layout.js";

export interface SecretariatLayoutProps {
  readonly title: string;
  readonly siteName: string;
  readonly errors: readonly FieldError[];
  /** The crumbs after "Forside › Sekretariat"; none on the workspace itself. */
  readonly crumbs: readonly Crumb[];
  readonly head?: Child;
  readonly children?: Child;
}

export function SecretariatLayout(props: SecretariatLayoutProps) {
  const workspace: Crumb =
    props.crumbs.length === 0 ? { label: "Sekretariat" } : { label: "Sekretariat", href: "/sekretariat" };
  return (
    <Layout
      title={props.errors.length > 0 ? `Fejl: ${props.title}` : props.title}
      siteName={props.siteName}
      breadcrumbs={[{ label: "Forside", href: "/" }, workspace, ...props.crumbs]}
      head={props.head}
    >
      {props.children}
    </Layout>
  );
}
