/** /personer over the demo meeting: persons by body and party, own-seat attendance, substitutes as such. */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { createApp } from "../../../src/web/app.js";
import { forEachBackend } from "../../support/stores.js";
import { type DemoIds, demoIds } from "./portal-support.js";

forEachBackend("people page", (store) => {
  let ids: DemoIds;
  const get = (path: string) => createApp({ db: store().db }).request(path);
  before(async () => {
    ids = await demoIds(store().db);
  });

  it("lists persons by party with the party's name, a member's rate and a substitute's appearances", async () => {
    const res = await get("/personer");
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1>Personer<\/h1>/);
    assert.match(html, /<h3>Socialdemokratiet \(A\)<\/h3>/);
    assert.match(html, /<h3>Venstre \(V\)<\/h3>/);
    assert.match(html, /<option value="A">Socialdemokratiet \(A\)<\/option>/);
    // Karen Holm held her own seat at the one meeting; Søren Dam sent apologies.
    assert.match(
      html,
      /Karen Holm<\/a><\/th><td>Eksempelby Kommune<\/td><td>Medlem<\/td><td>1 af 1 møde \(100 %\)<\/td>/,
    );
    assert.match(
      html,
      /Søren Dam<\/a><\/th><td>Hedelund Kommune<\/td><td>Medlem<\/td><td>0 af 1 møde \(0 %\)<\/td>/,
    );
    // Ole Bak stood in for Søren Dam: listed as a substitute's appearance, not as 100 % attendance.
    assert.match(
      html,
      new RegExp(
        `href="/person/${ids.person("Ole Bak")}">Ole Bak</a></th><td>Hedelund Kommune</td><td>Suppleant</td><td>Suppleant 1 gang</td>`,
      ),
    );
  });

  it("filters by party and body", async () => {
    const html = await (await get(`/personer?parti=V&organ=${ids.body}`)).text();
    assert.match(html, /Ole Bak/);
    assert.doesNotMatch(html, /Karen Holm/);
    assert.equal((await get("/personer?parti=%3Cscript%3E")).status, 400);
  });

  it("person page names the party", async () => {
    const html = await (await get(`/person/${ids.person("Karen Holm")}`)).text();
    assert.match(html, /Parti: Socialdemokratiet \(A\)/);
  });
});
