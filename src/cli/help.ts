/** @module The help text of the raadsinfo command. */
export const HELP = `raadsinfo – council information for Danish political bodies (KKR and municipalities)

Usage: raadsinfo <command> [options]

Commands:
  serve                 Start the public portal and APIs (http://localhost:3000)
      --port N            port to listen on (default 3000, or $PORT)
      --host H            address to bind (default 0.0.0.0)
      --no-demo           do not load the demo meeting into an empty store
      --base-url URL      public base URL used in OParl ids and feeds
  import PATH...        Import meeting PDFs, text exports and DOCX files (folders recursively)
  parse FILE --json     Print what Rådsinfo reads from one file (no database is touched)
  search QUERY --json   Search items and annexes; prints JSON
  export                Export items with decisions, attendance and persons
      --format json|csv   (default json)
      --out DIR           write files into DIR instead of standard output

Options for every command that uses the store:
  --data-dir DIR        embedded database folder (default ./data)
  DATABASE_URL=...      use a PostgreSQL server instead (environment variable)

  -h, --help            show this help
  -v, --version         show the version

Examples:
  raadsinfo import ../shared/seeds
  raadsinfo parse referat.pdf --json
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/raadsinfo raadsinfo serve --port 8080
`;
