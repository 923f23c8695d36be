//! A tiny HTTP tile server on 127.0.0.1 for the online-basemap tests: serves [`super::block`]'s
//! colours (grey elsewhere) as PNG with a one-day `Cache-Control`, or fails every request with
//! 500; counts requests. Bounded: it stops when dropped, after 2 minutes, or after 2000 requests.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Tiles,
    Error500,
}

pub struct TileServer {
    pub port: u16,
    requests: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl TileServer {
    pub fn start(mode: Mode) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (count, halt) = (requests.clone(), stop.clone());
        std::thread::spawn(move || {
            let start = Instant::now();
            for conn in listener.incoming() {
                if halt.load(Ordering::SeqCst)
                    || start.elapsed() > Duration::from_secs(120)
                    || count.load(Ordering::SeqCst) >= 2000
                {
                    break;
                }
                if let Ok(stream) = conn {
                    let count = count.clone();
                    std::thread::spawn(move || serve(stream, mode, &count));
                }
            }
        });
        Self {
            port,
            requests,
            stop,
        }
    }

    /// The URL template of this server.
    pub fn template(&self) -> String {
        format!("http://127.0.0.1:{}/{{z}}/{{x}}/{{y}}.png", self.port)
    }

    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

impl Drop for TileServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// Answer the requests of one connection (keep-alive) until the client closes it.
fn serve(stream: TcpStream, mode: Mode, count: &AtomicUsize) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut out = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        // Skip the headers.
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            if h == "\r\n" || h == "\n" {
                break;
            }
        }
        count.fetch_add(1, Ordering::SeqCst);
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
        let (status, kind, body) = match (mode, parse(&path)) {
            (Mode::Error500, _) => ("500 Internal Server Error", "text/plain", b"boom".to_vec()),
            (Mode::Tiles, Some(zxy)) => ("200 OK", "image/png", tile(zxy)),
            (Mode::Tiles, None) => ("404 Not Found", "text/plain", b"no".to_vec()),
        };
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
             Cache-Control: public, max-age=86400\r\n\r\n",
            body.len()
        );
        if out.write_all(head.as_bytes()).is_err() || out.write_all(&body).is_err() {
            return;
        }
    }
}

fn parse(path: &str) -> Option<(u8, u32, u32)> {
    let mut it = path
        .trim_start_matches('/')
        .trim_end_matches(".png")
        .split('/');
    Some((
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
    ))
}

fn tile(zxy: (u8, u32, u32)) -> Vec<u8> {
    let rgb = super::block()
        .into_iter()
        .find(|(t, _)| *t == zxy)
        .map_or(super::GREY, |(_, c)| c);
    super::encode(rgb, image::ImageFormat::Png)
}
