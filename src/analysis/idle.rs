//! Work that fills the cores other work leaves idle: run on a pool of its own whose
//! threads the kernel schedules only when nothing else wants the core (`SCHED_IDLE` on
//! Linux), so that the main work never waits for it nor shares its caches with it while
//! it runs, and which then finishes at full speed once the main work is done.
//!
//! On other systems the pool's threads keep the usual priority and share the cores.

/// Runs `work` on a pool of `threads` idle-priority threads (in place when no pool can be
/// made), while the caller's rayon worker goes on with the work of its own pool.
pub fn run<R: Send>(threads: usize, work: impl FnOnce() -> R + Send) -> R {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("parallax-idle-{i}"))
        .start_handler(|_| lower_priority())
        .build();
    match pool {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

/// Puts the calling thread in the idle scheduling class.
#[cfg(target_os = "linux")]
fn lower_priority() {
    let param = libc::sched_param { sched_priority: 0 };
    // SAFETY: `sched_setscheduler` reads `param` (a live local) and changes only the
    // calling thread's policy (pid 0); a failure leaves the thread as it was.
    let failed = unsafe { libc::sched_setscheduler(0, libc::SCHED_IDLE, &param) } != 0;
    if failed {
        tracing::debug!("idle scheduling class refused; the idle pool shares the cores");
    }
}

#[cfg(not(target_os = "linux"))]
fn lower_priority() {}

#[cfg(test)]
mod tests {
    use rayon::prelude::*;

    #[test]
    fn work_runs_on_the_pool_and_gives_its_result_back() {
        let sum: u64 = super::run(2, || (1..=1000u64).into_par_iter().sum());
        assert_eq!(sum, 500_500);
        let name = super::run(1, || std::thread::current().name().map(str::to_string));
        assert_eq!(name.as_deref(), Some("parallax-idle-0"));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_pool_threads_are_in_the_idle_class() {
        // SAFETY: reads the calling thread's policy.
        let policy = super::run(1, || unsafe { libc::sched_getscheduler(0) });
        assert_eq!(policy, libc::SCHED_IDLE);
    }
}
