/** @module The readable reference of the JSON API at /api, rendered on the server from the OpenAPI document. */
import { Layout } from "../layout.js";
import {
  type HttpMethod,
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiOperation,
  operationsOf,
} from "./openapi.js";

/** A short name for a schema: "Meeting", "liste af Person", "string | null". */
function schemaName(schema: JsonSchema | undefined): string {
  if (!schema) return "";
  if (typeof schema.$ref === "string") return schema.$ref.replace("#/components/schemas/", "");
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (schema.type === "array") return `liste af ${schemaName(schema.items as JsonSchema | undefined)}`;
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join(" | ");
  if ("const" in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.oneOf)) return (schema.oneOf as JsonSchema[]).map(schemaName).join(" | ");
  if (Array.isArray(schema.allOf)) return (schema.allOf as JsonSchema[]).map(schemaName).join(" + ");
  return typeof schema.type === "string" ? schema.type : "objekt";
}

function Operation(props: { path: string; method: HttpMethod; operation: OpenApiOperation }) {
  const { path, operation } = props;
  return (
    <section class="api-operation" id={operation.operationId}>
      <h3>
        <code>
          {props.method.toUpperCase()} {path}
        </code>
      </h3>
      <p>{operation.summary}</p>
      {operation.description ? <p>{operation.description}</p> : null}
      {operation.parameters && operation.parameters.length > 0 ? (
        // Stacked below 768 px (DKFDS responsive headers), so four columns never push a phone sideways.
        <table class="table table--compact table--responsive-headers">
          <caption>Parametre</caption>
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">Hvor</th>
              <th scope="col">Type</th>
              <th scope="col">Beskrivelse</th>
            </tr>
          </thead>
          <tbody>
            {operation.parameters.map((p) => (
              <tr>
                <td data-title="Navn">
                  <code>{p.name}</code>
                  {p.required ? " (krævet)" : ""}
                </td>
                <td data-title="Hvor">{p.in === "path" ? "sti" : "forespørgsel"}</td>
                <td data-title="Type">{schemaName(p.schema)}</td>
                <td data-title="Beskrivelse">{p.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h4>Svar</h4>
      <ul>
        {Object.entries(operation.responses).map(([status, response]) => (
          <li>
            <strong>{status}</strong> {response.description}
            {Object.entries(response.content ?? {}).map(([type, media]) => (
              <>
                {" "}
                <code>{type}</code> {schemaName(media.schema)}
              </>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Schema(props: { name: string; schema: JsonSchema }) {
  const parts = Array.isArray(props.schema.allOf) ? (props.schema.allOf as JsonSchema[]) : [props.schema];
  const properties = parts.flatMap((part) =>
    part.properties && typeof part.properties === "object" && !Array.isArray(part.properties)
      ? Object.entries(part.properties as { [key: string]: JsonSchema })
      : [],
  );
  const base = parts.filter((p) => typeof p.$ref === "string").map(schemaName);
  return (
    <section id={`schema-${props.name}`}>
      <h3>{props.name}</h3>
      {typeof props.schema.description === "string" ? <p>{props.schema.description}</p> : null}
      {base.length > 0 ? <p>Alle felter fra {base.join(", ")}, og:</p> : null}
      {properties.length > 0 ? (
        <ul>
          {properties.map(([key, value]) => (
            <li>
              <code>{key}</code>: {schemaName(value)}
              {typeof value.description === "string" ? ` – ${value.description}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>{schemaName(props.schema)}</p>
      )}
    </section>
  );
}

export function ReferencePage(props: { document: OpenApiDocument; siteName: string }) {
  const doc = props.document;
  return (
    <Layout
      title="API"
      siteName={props.siteName}
      breadcrumbs={[{ label: "Forside", href: "/" }, { label: "API" }]}
    >
      <h1>Rådsinfos API</h1>
      <p class="font-lead">
        Alle offentlige data i Rådsinfo kan hentes som JSON: organer, møder med deltagere og punkter, punkter
        med felter, beslutninger og bilag, personer og søgning. Lukkede punkter vises kun som «Lukket punkt».
      </p>
      <p>
        Den maskinlæsbare beskrivelse er <a href="/api/openapi.json">OpenAPI 3.1-dokumentet</a>. De samme data
        findes som <a href="/oparl/v1/system">OParl 1.1</a>, den åbne standard for rådsinformationssystemer.
        Feltnavnene er på engelsk; teksterne er på dansk.
      </p>
      <p>Adresse: {doc.servers[0]?.url ?? ""}</p>
      <nav aria-label="Indhold">
        <ul>
          {doc.tags.map((tag) => (
            <li>
              <a href={`#tag-${tag.name}`}>{tag.description}</a>
            </li>
          ))}
          <li>
            <a href="#schemas">Datatyper</a>
          </li>
        </ul>
      </nav>
      {doc.tags.map((tag) => (
        <section id={`tag-${tag.name}`}>
          <h2>{tag.description}</h2>
          {operationsOf(doc)
            .filter(({ operation }) => operation.tags.includes(tag.name))
            .map(({ path, method, operation }) => (
              <Operation path={path} method={method} operation={operation} />
            ))}
        </section>
      ))}
      <section id="schemas">
        <h2>Datatyper</h2>
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <Schema name={name} schema={schema} />
        ))}
      </section>
    </Layout>
  );
}
