//! A background job: runs a closure on a worker thread; the UI polls for its result each frame,
//! so heavy work (imports, joins, density grids) never blocks a frame.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A running or finished job producing `T`.
pub struct Job<T> {
    rx: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Start `work` on a new thread; `ctx` (if any) is asked to repaint when it finishes.
    pub fn spawn(ctx: Option<egui::Context>, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(work());
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
        Self { rx }
    }

    /// The result once it is ready (then `None` forever); `Some(Err)` never happens: a worker
    /// that died is reported as finished with no result by [`Job::is_dead`].
    pub fn poll(&self) -> Option<T> {
        self.rx.try_recv().ok()
    }

    /// In one look: `Some(Ok(result))` when ready, `Some(Err(()))` when the worker ended
    /// without a result (it panicked), `None` while it runs.
    pub fn check(&self) -> Option<Result<T, ()>> {
        match self.rx.try_recv() {
            Ok(v) => Some(Ok(v)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(())),
        }
    }

    /// The worker ended without a result (it panicked).
    pub fn is_dead(&self) -> bool {
        matches!(self.rx.try_recv(), Err(TryRecvError::Disconnected))
    }
}
