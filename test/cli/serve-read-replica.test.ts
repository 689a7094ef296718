/**
 * @module `raadsinfo serve` with DATABASE_READ_URL (issue 17), as an operator starts it: one line when the
 * replica is named without DATABASE_URL or cannot be read, and, started on both, two serve processes that
 * read the public pages from the replica and sign in on the primary, each accepting the other's forms.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { openStore } from "../../src/store/index.js";
import { type RunningCli, runCli, startCli } from "../support/cli.js";
import { type PrimaryAndReplica, primaryAndDemoReplica } from "../support/read-replica.js";
import { describeOnServer, serverDatabase } from "../support/stores.js";
import { csrfOf, makeUser, PASSWORD, type RequestTarget, TestBrowser } from "../web/accounts/support.js";

describeOnServer("raadsinfo serve with DATABASE_READ_URL", () => {
  let databases: PrimaryAndReplica | undefined;
  const running: RunningCli[] = [];

  before(async () => {
    databases = await primaryAndDemoReplica();
  });
  after(async () => {
    for (const serve of running) {
      serve.child.kill("SIGTERM");
      await serve.exited;
    }
    await databases?.drop();
  });

  it("refuses a replica without DATABASE_URL in one line", () => {
    const result = runCli(["serve", "--no-demo"], {
      env: { DATABASE_READ_URL: databases?.replicaUrl ?? "" },
    });
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr.trim(),
      "raadsinfo: DATABASE_READ_URL names a read replica of the PostgreSQL server at DATABASE_URL: set DATABASE_URL too",
    );
  });

  it("refuses a replica it cannot reach, or that holds no Rådsinfo tables, in one line", async () => {
    const unreachable = runCli(["serve", "--no-demo"], {
      env: {
        DATABASE_URL: databases?.primaryUrl ?? "",
        DATABASE_READ_URL: "postgres://postgres@127.0.0.1:1/raadsinfo",
      },
    });
    assert.equal(unreachable.code, 1);
    assert.match(
      unreachable.stderr,
      /^raadsinfo: cannot read from the replica at 127\.0\.0\.1:1\/raadsinfo: .+\n$/,
    );
    const empty = await serverDatabase();
    try {
      const wrong = runCli(["serve", "--no-demo"], {
        env: { DATABASE_URL: databases?.primaryUrl ?? "", DATABASE_READ_URL: empty.url },
      });
      assert.equal(wrong.code, 1);
      assert.match(
        wrong.stderr,
        /^raadsinfo: cannot read from the replica at .+: it has no Rådsinfo tables; it must be a copy of the primary database\n$/,
      );
    } finally {
      await empty.drop();
    }
  });

  it("two serve processes read the replica and sign in on the primary, each taking the other's forms", async () => {
    const env = { DATABASE_URL: databases?.primaryUrl ?? "", DATABASE_READ_URL: databases?.replicaUrl ?? "" };
    const urls: string[] = [];
    for (let n = 0; n < 2; n++) {
      const serve = startCli(["serve", "--port", "0", "--host", "127.0.0.1", "--no-demo"], { env });
      running.push(serve);
      const match = await serve.waitFor(/serves (http:\/\/localhost:\d+) \((.+)\)/);
      assert.match(match[2] ?? "", /^PostgreSQL at .+, reads from .+$/);
      urls.push((match[1] ?? "").replace("localhost", "127.0.0.1"));
    }
    const store = await openStore({ databaseUrl: databases?.primaryUrl });
    try {
      const user = await makeUser(store.db, "medlem", "Sara Server");
      for (const url of urls) {
        const meetings = (await (await fetch(`${url}/api/meetings`)).json()) as { total: number };
        assert.ok(meetings.total > 0, `${url}: the demo meeting, which only the replica has`);
      }
      // A browser whose proxy sends the form's page to one process and the form to the other.
      const [first, second] = urls.map((url) => ({
        request: (path: string, init?: RequestInit) =>
          fetch(`${url}${path}`, { ...init, redirect: "manual" }),
      }));
      const browser = new TestBrowser(first as RequestTarget);
      const form = await browser.get("/log-ind");
      const signedIn = await browser
        .via(second as RequestTarget)
        .post(
          "/log-ind",
          { email: user.email, password: PASSWORD, til: "/konto" },
          csrfOf(await form.text()),
        );
      assert.equal(signedIn.status, 303);
      const account = await browser.get("/konto");
      assert.match(await account.text(), /Sara Server/);
      const sessions = await store.db.selectFrom("user_session").select("user_id").execute();
      assert.deepEqual(
        sessions.map((s) => s.user_id),
        [user.id],
      );
    } finally {
      await store.close();
    }
  });
});
