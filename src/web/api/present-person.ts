/** @module The public JSON of a person: name, party, municipality, memberships, attendance; never private notes. */
import type { ApiPersonDetail, ApiPersonRow } from "../../store/index.js";
import type { ApiLinks } from "./api-links.js";

export interface PersonJson {
  readonly id: number;
  readonly name: string;
  readonly party: string | null;
  readonly municipality: string | null;
  readonly url: string;
}

export interface PersonDetailJson extends PersonJson {
  readonly memberships: readonly {
    readonly organization: { readonly id: number; readonly name: string };
    readonly body: { readonly id: number; readonly name: string };
    readonly role: string;
    readonly party: string | null;
    readonly startDate: string | null;
    readonly endDate: string | null;
  }[];
  readonly attendance: readonly {
    readonly meetingId: number;
    readonly date: string;
    readonly body: string;
    readonly status: string;
    readonly substituteFor: string | null;
  }[];
}

export function presentPerson(row: ApiPersonRow, links: ApiLinks): PersonJson {
  return {
    id: row.id,
    name: row.name,
    party: row.party,
    municipality: row.municipality,
    url: links.page(`/person/${row.id}`),
  };
}

export function presentPersonDetail(row: ApiPersonDetail, links: ApiLinks): PersonDetailJson {
  return {
    ...presentPerson(row, links),
    memberships: row.memberships.map((m) => ({
      organization: { id: m.organizationId, name: m.organizationName },
      body: { id: m.bodyId, name: m.bodyName },
      role: m.role,
      party: m.party,
      startDate: m.startDate,
      endDate: m.endDate,
    })),
    attendance: row.attendance.map((a) => ({
      meetingId: a.meetingId,
      date: a.date,
      body: a.bodyName,
      status: a.status,
      substituteFor: a.substituteFor,
    })),
  };
}
