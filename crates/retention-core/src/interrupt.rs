//! The interrupt check of long loops. The PostgreSQL glue installs a function that answers
//! query cancellation and `statement_timeout` (by raising an error, which unwinds through
//! the loop, freeing what it holds); every loop that can run for more than milliseconds
//! calls [`check`] or [`check_every`]: the fits before each evaluation of their objective
//! and over their rows, and the loops over the rows of a stored value's text form and of a
//! survival curve. Without an installed check (unit tests, other hosts) they cost a load.

thread_local! {
    /// Per thread, so that tests can install their own; a backend has one thread.
    static CHECK: std::cell::Cell<Option<fn()>> = const { std::cell::Cell::new(None) };
}

/// Install (or with None remove) this thread's interrupt check.
pub fn set_check(check: Option<fn()>) {
    CHECK.with(|c| c.set(check));
}

/// Run the installed check, if any.
pub fn check() {
    if let Some(check) = CHECK.with(|c| c.get()) {
        check();
    }
}

/// [`check`] every 16,384th `i`: in loops over rows, so that no stretch without a check
/// lasts more than milliseconds, however many rows there are.
#[inline]
pub fn check_every(i: usize) {
    check_each(i, 0x4000);
}

/// [`check`] every `every`th `i` (a power of two): for loops whose steps cost more than a
/// row's (a customer's whole history, a row of a set-returning function).
#[inline]
pub fn check_each(i: usize, every: usize) {
    if i & (every - 1) == 0 {
        check();
    }
}
