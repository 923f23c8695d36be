//! A seeded byte mutator: flips, truncation, splicing, hostile text and numbers, deep nesting.

use rand::Rng;

/// Inputs are capped at this size so one execution stays cheap.
pub const MAX_LEN: usize = 256 << 10;

/// Text that loaders mishandle: bidi controls, NUL, invalid UTF-8, extreme numbers, syntax.
const HOSTILE: &[&[u8]] = &[
    "\u{202E}".as_bytes(),
    "\u{200F}".as_bytes(),
    "\u{2067}".as_bytes(),
    "\u{FEFF}".as_bytes(),
    "\u{0301}".as_bytes(),
    "\u{FDFA}".as_bytes(),
    "\u{1D538}".as_bytes(),
    "İ".as_bytes(),
    "ß".as_bytes(),
    b"\0",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\\u0000",
    b"\\ud800",
    b"NaN",
    b"nan",
    b"inf",
    b"-inf",
    b"Infinity",
    b"1e999",
    b"-1e999",
    b"1e-400",
    b"1e308",
    b"-0",
    b"0.0000000000000000000000001",
    b"18446744073709551616",
    b"18446744073709551615",
    b"-9223372036854775809",
    b"4294967296",
    b"4294967295",
    b"2147483648",
    b"65536",
    b"256",
    b"-1",
    b"99999999999999999999999999999999999999",
    b"9999-12-31",
    b"0000-00-00",
    b"2024-02-30",
    b"-262144-01-01",
    b"+275760-09-13",
    b"\"",
    b"\"\"",
    b",",
    b",,,,,,,,",
    b";",
    b"\t",
    b"\n",
    b"\r\n",
    b"\r",
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b"null",
    b"true",
    b"[]",
    b"{}",
    b"\"type\":\"Point\"",
    b"\"coordinates\":[]",
    b"\"coordinates\":[1e999,-1e999]",
    b"\"features\":[{}]",
    b"../../../../etc/passwd",
    b"/",
    b"\\",
    b"%s%n",
];

/// Numbers that overflow, underflow or are not finite.
const NUMBERS: &[&[u8]] = &[
    b"NaN",
    b"inf",
    b"-inf",
    b"1e999",
    b"-1e999",
    b"1e-400",
    b"1e308",
    b"-0",
    b"18446744073709551616",
    b"-9223372036854775809",
    b"4294967296",
    b"2147483648",
    b"65536",
    b"256",
    b"-1",
    b"0",
    b"99999999999999999999999999999999999999",
];

/// Bytes that often change how a parser goes: delimiters, quotes, digits, signs, high bytes.
const INTERESTING: &[u8] = b"\0\xff\x7f\x80\"',.;:-+eE09 \n\r\t{}[]\\";

/// Integers written little-endian into binary files (offsets, lengths, counts).
const INTEGERS: &[u64] = &[
    0,
    1,
    0x7f,
    0xff,
    0x7fff,
    0xffff,
    0x7fff_ffff,
    0xffff_ffff,
    0x1_0000_0000,
    u64::MAX / 2,
    u64::MAX,
];

fn pos(rng: &mut impl Rng, len: usize) -> usize {
    rng.random_range(0..=len)
}

fn range(rng: &mut impl Rng, len: usize) -> (usize, usize) {
    let a = pos(rng, len);
    let n = rng.random_range(0..=(len - a).min(64));
    (a, a + n)
}

/// Replace the digit run around a random digit with a hostile number.
fn replace_number(rng: &mut impl Rng, data: &mut Vec<u8>) {
    let digits: Vec<usize> = (0..data.len())
        .filter(|&i| data[i].is_ascii_digit())
        .collect();
    let Some(&i) = digits.get(rng.random_range(0..digits.len().max(1))) else {
        return;
    };
    let mut a = i;
    while a > 0 && (data[a - 1].is_ascii_digit() || data[a - 1] == b'.') {
        a -= 1;
    }
    let mut b = i;
    while b < data.len() && (data[b].is_ascii_digit() || data[b] == b'.') {
        b += 1;
    }
    let n = NUMBERS[rng.random_range(0..NUMBERS.len())];
    data.splice(a..b, n.iter().copied());
}

/// Insert deep JSON nesting (arrays or objects) at a random position.
fn nest(rng: &mut impl Rng, data: &mut Vec<u8>) {
    let depth = rng.random_range(1..=4000);
    let unit: &[u8] = if rng.random_bool(0.5) {
        b"["
    } else {
        b"{\"a\":"
    };
    let p = pos(rng, data.len());
    let mut ins = unit.repeat(depth);
    if rng.random_bool(0.5) {
        let close: &[u8] = if unit == b"[" { b"]" } else { b"}" };
        ins.extend(close.repeat(depth));
    }
    data.splice(p..p, ins);
}

/// Apply one mutation; `other` is another seed for splicing.
fn mutate_once(rng: &mut impl Rng, data: &mut Vec<u8>, other: &[u8]) {
    let len = data.len();
    match rng.random_range(0..14) {
        0 if len > 0 => {
            let i = rng.random_range(0..len);
            data[i] = rng.random();
        }
        1 if len > 0 => {
            let i = rng.random_range(0..len);
            data[i] ^= 1 << rng.random_range(0..8);
        }
        2 => data.truncate(pos(rng, len)),
        3 => {
            let (a, b) = range(rng, len);
            data.drain(a..b);
        }
        4 => {
            let (a, b) = range(rng, len);
            let chunk = data[a..b].to_vec();
            let p = pos(rng, len);
            data.splice(p..p, chunk);
        }
        5 => {
            let (a, b) = range(rng, other.len());
            let p = pos(rng, len);
            data.splice(p..p, other[a..b].iter().copied());
        }
        6 => {
            let cut = pos(rng, len);
            let from = pos(rng, other.len());
            data.truncate(cut);
            data.extend_from_slice(&other[from..]);
        }
        7 | 8 => {
            let h = HOSTILE[rng.random_range(0..HOSTILE.len())];
            let p = pos(rng, len);
            if rng.random_bool(0.3) && len > 0 {
                let (a, b) = range(rng, len);
                data.splice(a..b, h.iter().copied());
            } else {
                data.splice(p..p, h.iter().copied());
            }
        }
        9 => replace_number(rng, data),
        10 => nest(rng, data),
        11 if len > 0 => {
            let i = rng.random_range(0..len);
            data[i] = INTERESTING[rng.random_range(0..INTERESTING.len())];
        }
        12 if len > 0 => {
            let v = INTEGERS[rng.random_range(0..INTEGERS.len())];
            let w = [1usize, 2, 4, 8][rng.random_range(0..4)];
            let i = rng.random_range(0..len);
            let end = (i + w).min(len);
            data[i..end].copy_from_slice(&v.to_le_bytes()[..end - i]);
        }
        13 => {
            let (a, b) = range(rng, len);
            let times = rng.random_range(2..=200);
            let chunk = data[a..b].repeat(times);
            data.splice(b..b, chunk);
        }
        _ => {
            let n = rng.random_range(1..=8);
            let p = pos(rng, len);
            let mut junk = vec![0u8; n];
            rng.fill_bytes(&mut junk);
            data.splice(p..p, junk);
        }
    }
    data.truncate(MAX_LEN);
}

/// A mutant of `seeds[i]` for a random `i`: one to five stacked mutations (or, rarely, the
/// seed unchanged).
pub fn mutant(rng: &mut impl Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut data = seeds[rng.random_range(0..seeds.len())].clone();
    if rng.random_ratio(1, 64) {
        return data;
    }
    let other = &seeds[rng.random_range(0..seeds.len())];
    for _ in 0..rng.random_range(1..=5) {
        mutate_once(rng, &mut data, other);
    }
    data
}
