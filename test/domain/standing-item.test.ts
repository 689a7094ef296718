/** Standing items are told by the shape of the whole title, not by a word somewhere in it. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { isStandingItem } from "../../src/domain/index.js";

it("recognises the routine items of the seeds and of other councils' minutes", () => {
  for (const title of [
    "Godkendelse af dagsorden",
    "Godkendelse af referat",
    "Godkendelse af dagsorden og referat",
    "Godkendelse af referat fra sidste møde",
    "1.1 Godkendelse af dagsorden.",
    "Meddelelser",
    "Meddelelser fra formanden",
    "Orienteringer",
    "Siden sidst",
    "Eventuelt",
    "Evt.",
    "Punkter til næste møde",
    "Underskriftsark",
    "EVENTUELT",
  ]) {
    assert.equal(isStandingItem(title), true, title);
  }
});

it("keeps items about a matter, even when they begin like a standing item", () => {
  for (const title of [
    "Orientering om status fra erhvervsområdet",
    "Godkendelse af Rammeaftale 2021-22",
    "Meddelelse om ny praksisplan for psykologhjælp i Region Syddanmark og de næste skridt i arbejdet",
    "Status fra KlimaNord",
    "Eventuelt samarbejde med Region Nordjylland om busdrift",
    "Mødeplan",
  ]) {
    assert.equal(isStandingItem(title), false, title);
  }
});
