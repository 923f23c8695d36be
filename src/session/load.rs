//! A file-backed value loaded on a worker: the key it was loaded for (so a changed source
//! reloads), the running job, and the result or the reason it failed.

use std::sync::Arc;

use crate::density::worker::Job;

/// One source's load.
pub struct Load<T> {
    /// What the value was (or is being) loaded from.
    pub key: String,
    job: Option<Job<Result<T, String>>>,
    value: Option<Arc<T>>,
    error: Option<String>,
}

impl<T: Send + Sync + 'static> Load<T> {
    /// Start `work` on a worker.
    pub fn start(
        key: String,
        ctx: Option<&egui::Context>,
        work: impl FnOnce() -> Result<T, String> + Send + 'static,
    ) -> Self {
        Load {
            key,
            job: Some(Job::spawn(ctx.cloned(), work)),
            value: None,
            error: None,
        }
    }

    /// Collect a finished job.
    pub fn poll(&mut self) {
        let Some(done) = self.job.as_ref().and_then(|j| j.check()) else {
            return;
        };
        self.job = None;
        match done {
            Ok(Ok(v)) => {
                self.value = Some(Arc::new(v));
                self.error = None;
            }
            Ok(Err(e)) => self.error = Some(e),
            Err(()) => self.error = Some("the loading worker stopped".into()),
        }
    }

    pub fn value(&self) -> Option<&Arc<T>> {
        self.value.as_ref()
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn pending(&self) -> bool {
        self.job.is_some()
    }
}
