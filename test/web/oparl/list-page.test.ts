/** OParl list pages (§2.5): links that keep the filters, next on every page but the last, strict parsing. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { PortalError } from "../../../src/web/http-error.js";
import { listPage, MAX_PAGE_SIZE, readListRequest } from "../../../src/web/oparl/list-page.js";
import { danishDateTime } from "../../../src/web/oparl/oparl-json.js";

const query = (params: Readonly<Record<string, string | undefined>>) => (name: string) => params[name];
const LIST = "https://raadsinfo.test/oparl/v1/body/1/meetings";

it("keeps every filter and the page size in first, prev, self, next and last", () => {
  const since = "2024-01-01T00:00:00+01:00";
  const request = readListRequest(query({ modified_since: since, elementsPerPage: "2", page: "2" }));
  assert.equal(request.filter.modifiedSince?.toISOString(), "2023-12-31T23:00:00.000Z");
  const page = listPage(LIST, request, 5, []);
  assert.deepEqual(page.pagination, { totalElements: 5, elementsPerPage: 2, currentPage: 2, totalPages: 3 });
  assert.deepEqual(Object.keys(page.links), ["first", "prev", "self", "next", "last"]);
  for (const link of Object.values(page.links)) {
    const params = new URL(link).searchParams;
    assert.equal(params.get("modified_since"), since);
    assert.equal(params.get("elementsPerPage"), "2");
  }
  assert.equal(new URL(page.links.next!).searchParams.get("page"), "3");
  assert.equal(new URL(page.links.prev!).searchParams.get("page"), null, "page 1 is the bare list URL");
});

it("leaves next off the last page only", () => {
  const last = listPage(LIST, readListRequest(query({ elementsPerPage: "2", page: "3" })), 5, []);
  assert.equal(last.links.next, undefined);
  const only = listPage(LIST, readListRequest(query({})), 0, []);
  assert.equal(only.links.next, undefined);
  assert.equal(only.pagination.totalPages, 1);
  assert.equal(only.links.self, LIST);
});

it("caps elementsPerPage and refuses malformed dates and numbers with 400", () => {
  assert.equal(readListRequest(query({ elementsPerPage: "5000" })).page.limit, MAX_PAGE_SIZE);
  for (const bad of [
    { created_since: "i går" },
    { modified_until: "2024-13-45T00:00:00Z" },
    { page: "0" },
    { elementsPerPage: "x" },
  ]) {
    assert.throws(
      () => readListRequest(query(bad)),
      (e) => e instanceof PortalError && e.status === 400,
    );
  }
});

it("writes Danish meeting times with the day's own offset (CET in winter, CEST in summer)", () => {
  assert.equal(danishDateTime("2024-09-20", "10:00"), "2024-09-20T10:00:00+02:00");
  assert.equal(danishDateTime("2024-01-19", "9.30"), "2024-01-19T09:30:00+01:00");
});
