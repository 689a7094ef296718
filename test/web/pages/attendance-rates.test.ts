/**
 * Public attendance rates count substitutes apart (issue 14), on both backends: attendance rows as the
 * minutes' publishing writes them ('present' with substitute_for_person_id for a substitute) over two
 * KKR Nordjylland meetings; the person page of a member gives her rate as a member, a substitute's page
 * says how often he stood in without a rate, and the body page's table per person shows both apart.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { createApp } from "../../../src/web/app.js";
import { T0 } from "../../authoring/agenda-support.js";
import { sentMeeting } from "../../authoring/meeting-record-support.js";
import { forEachBackend } from "../../support/stores.js";

forEachBackend("attendance rates", (store) => {
  it("counts substitutes apart on the person and body pages", async () => {
    const { db } = store();
    const first = await sentMeeting(db, "2025-02-07");
    const second = await sentMeeting(db, "2025-04-04");
    const fog = first.people["Frida Fog"] as number;
    const gade = first.people["Mogens Gade"] as number;
    const soeren = await db
      .insertInto("person")
      .values({ name: "Søren Suppleant", party: "F", municipality: null, private_note: null, modified: T0 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const row = (
      meetingId: number,
      personId: number,
      status: string,
      substituteFor: number | null = null,
    ) => ({
      meeting_id: meetingId,
      person_id: personId,
      status,
      substitute_for_person_id: substituteFor,
      substitute_for_name: null,
      source_file_id: null,
      page: null,
      line_start: null,
      line_end: null,
      modified: T0,
    });
    await db
      .insertInto("attendance")
      .values([
        row(first.meetingId, gade, "present"),
        row(first.meetingId, fog, "absent"),
        row(first.meetingId, soeren.id, "present", fog),
        row(second.meetingId, gade, "present"),
        row(second.meetingId, fog, "present"),
      ])
      .execute();
    const app = createApp({ db });
    const page = async (path: string) => {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      return (await res.text()).replace(/\s+/g, " ");
    };
    assert.match(await page(`/person/${fog}`), /Deltog i 1 af 2 møder \(50 %\)\. Afbud: 1\./);
    const substitute = await page(`/person/${soeren.id}`);
    assert.match(substitute, /Mødte som suppleant 1 gang; det tæller ikke med i fremmødeprocenten\./);
    assert.match(substitute, /Til stede, suppleant for Frida Fog/);
    assert.doesNotMatch(substitute, /Deltog i/);

    const whole = await page(`/organ/${first.world.bodyId}`);
    const body = whole.slice(whole.indexOf('id="fremmoede-personer"'));
    assert.match(body, /Møder som suppleant tælles for sig/);
    const rowOf = (name: string) => {
      const match = new RegExp(`>${name}</a></th>(.*?)</tr>`).exec(body);
      assert.ok(match, `row of ${name}`);
      // A cell may carry a data-title (its label when the table stacks on a phone).
      return [...(match[1] ?? "").matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
    };
    assert.deepEqual(rowOf("Frida Fog"), ["1", "1", "50 %", "0"]);
    assert.deepEqual(rowOf("Mogens Gade"), ["2", "0", "100 %", "0"]);
    assert.deepEqual(rowOf("Søren Suppleant"), ["0", "0", "–", "1"]);
  });
});
