//! SQL glue of the extension's own facts: the version of the loaded library
//! (declarations in `version.sql`).

use crate::pg::*;

pgrx::extension_sql_file!("version.sql", name = "version");

pg_fn!(fn pgr_library_version(_fcinfo) {
    // The crate's version, fixed when the library was built.
    let v = env!("CARGO_PKG_VERSION");
    text_datum(v)
});
