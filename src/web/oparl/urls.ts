/** @module The URLs of OParl objects and lists: ids are URLs under the public base URL, built on row ids. */

/** Path segments of single objects; row ids never change, so neither do these URLs (OParl 1.1 §2.4). */
export const OBJECT_PATHS = {
  body: "body",
  organization: "organization",
  person: "person",
  membership: "membership",
  meeting: "meeting",
  agendaItem: "agenda-item",
  paper: "paper",
  consultation: "consultation",
  file: "file",
  legislativeTerm: "legislative-term",
  location: "location",
} as const;

export type OparlObjectKind = keyof typeof OBJECT_PATHS;

/** Path segments of a body's external lists. */
export const BODY_LIST_PATHS = {
  organization: "organizations",
  person: "persons",
  meeting: "meetings",
  agendaItem: "agenda-items",
  paper: "papers",
  consultation: "consultations",
  file: "files",
  membership: "memberships",
  legislativeTerm: "legislative-terms",
  location: "locations",
} as const;

export type BodyListKind = keyof typeof BODY_LIST_PATHS;

export const OPARL_PREFIX = "/oparl/v1";

export interface OparlUrls {
  readonly root: string;
  system(): string;
  bodies(): string;
  object(kind: OparlObjectKind, id: number): string;
  bodyList(bodyId: number, kind: BodyListKind): string;
  organizationMeetings(organizationId: number): string;
  organizationConsultations(organizationId: number): string;
  fileAccess(id: number): string;
  fileDownload(id: number): string;
  /** The portal's own page for an object, for OParl's `web` property. */
  web(path: string): string;
}

/**
 * @example oparlUrls("https://raadsinfo.example.dk").object("meeting", 7) // ".../oparl/v1/meeting/7"
 */
export function oparlUrls(publicBaseUrl: string): OparlUrls {
  const base = publicBaseUrl.replace(/\/$/, "");
  const root = `${base}${OPARL_PREFIX}`;
  return {
    root,
    system: () => `${root}/system`,
    bodies: () => `${root}/bodies`,
    object: (kind, id) => `${root}/${OBJECT_PATHS[kind]}/${id}`,
    bodyList: (bodyId, kind) => `${root}/body/${bodyId}/${BODY_LIST_PATHS[kind]}`,
    organizationMeetings: (id) => `${root}/organization/${id}/meetings`,
    organizationConsultations: (id) => `${root}/organization/${id}/consultations`,
    fileAccess: (id) => `${root}/file/${id}/access`,
    fileDownload: (id) => `${root}/file/${id}/download`,
    web: (path) => `${base}${path}`,
  };
}
