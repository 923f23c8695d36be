//! walkers reports a failed tile download only as a `log` warning: a logger wrapped around
//! `env_logger` hands those warnings to the online sources they concern, so the status bar can
//! say what went wrong.
//!
//! [`init_logging`] installs it (call it instead of `env_logger::init()`); building an online
//! source installs it too when no logger is set yet.

use std::sync::{Arc, Mutex, OnceLock, Weak};

/// Most errors a sink keeps before dropping the oldest.
const KEEP: usize = 64;

/// The download errors of one online source.
#[derive(Debug, Default)]
pub struct ErrorSink {
    /// Start of the source's URLs (the template up to its first placeholder).
    prefix: String,
    errors: Mutex<Vec<FetchError>>,
}

/// One failed download, with the URL when the message names one.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchError {
    pub url: Option<String>,
    pub message: String,
}

impl ErrorSink {
    /// Take the errors gathered since the last call.
    pub fn drain(&self) -> Vec<FetchError> {
        self.errors
            .lock()
            .map(|mut e| std::mem::take(&mut *e))
            .unwrap_or_default()
    }

    fn push(&self, e: FetchError) {
        if let Ok(mut v) = self.errors.lock() {
            if v.len() >= KEEP {
                v.remove(0);
            }
            v.push(e);
        }
    }
}

fn sinks() -> &'static Mutex<Vec<Weak<ErrorSink>>> {
    static SINKS: OnceLock<Mutex<Vec<Weak<ErrorSink>>>> = OnceLock::new();
    SINKS.get_or_init(|| Mutex::new(Vec::new()))
}

/// A sink for the source whose tile URLs come from `template`.
pub fn register(template: &str) -> Arc<ErrorSink> {
    ensure_installed();
    let prefix = template.split('{').next().unwrap_or(template).to_owned();
    let sink = Arc::new(ErrorSink {
        prefix,
        errors: Mutex::new(Vec::new()),
    });
    if let Ok(mut all) = sinks().lock() {
        all.retain(|w| w.strong_count() > 0);
        all.push(Arc::downgrade(&sink));
    }
    sink
}

/// The URL in a reqwest error message: `... for url (http://…)`.
fn url_in(message: &str) -> Option<String> {
    let start = message.find("url (")? + 5;
    let end = message[start..].find(')')? + start;
    Some(message[start..end].to_owned())
}

/// Hand a walkers warning to the sinks it concerns: the one whose URLs it names, or every
/// sink when it names none (a tile that downloaded but did not decode).
pub fn deliver(message: &str) {
    let url = url_in(message);
    let Ok(all) = sinks().lock() else {
        return;
    };
    for sink in all.iter().filter_map(Weak::upgrade) {
        if url.as_ref().is_none_or(|u| u.starts_with(&sink.prefix)) {
            sink.push(FetchError {
                url: url.clone(),
                message: message.to_owned(),
            });
        }
    }
}

struct Capture {
    inner: env_logger::Logger,
}

fn captured(meta: &log::Metadata<'_>) -> bool {
    meta.target().starts_with("walkers") && meta.level() <= log::Level::Warn
}

impl log::Log for Capture {
    fn enabled(&self, meta: &log::Metadata<'_>) -> bool {
        captured(meta) || self.inner.enabled(meta)
    }

    fn log(&self, record: &log::Record<'_>) {
        if captured(record.metadata()) {
            deliver(&record.args().to_string());
        }
        self.inner.log(record);
    }

    fn flush(&self) {
        self.inner.flush();
    }
}

/// Install the capturing logger (wrapping `env_logger`, which prints only what `RUST_LOG`
/// asks for). Returns
/// false when another logger was set first: download errors then have no text.
pub fn init_logging() -> bool {
    static INSTALLED: OnceLock<bool> = OnceLock::new();
    *INSTALLED.get_or_init(|| {
        let mut builder = env_logger::Builder::from_default_env();
        // Without RUST_LOG nothing is printed, as before a logger was installed.
        if std::env::var_os("RUST_LOG").is_none() {
            builder.filter_level(log::LevelFilter::Off);
        }
        let inner = builder.build();
        let level = inner.filter().max(log::LevelFilter::Warn);
        let ok = log::set_boxed_logger(Box::new(Capture { inner })).is_ok();
        if ok {
            log::set_max_level(level);
        }
        ok
    })
}

fn ensure_installed() {
    init_logging();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_reach_the_sink_of_their_url() {
        let a = register("http://127.0.0.1:1/{z}/{x}/{y}.png");
        let b = register("http://127.0.0.1:2/{z}/{x}/{y}.png");
        deliver(
            "Fetch error: HTTP status server error (500 Internal Server Error) for url (http://127.0.0.1:1/3/5/2.png)",
        );
        deliver("Fetch error: Unrecognized image format.");
        let got = a.drain();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].url.as_deref(), Some("http://127.0.0.1:1/3/5/2.png"));
        assert_eq!(b.drain().len(), 1);
        assert!(a.drain().is_empty());
    }
}
