//! `export --passim P`: P is replaced atomically when it is a regular file (keeping its
//! mode), created when missing, and refused (exit 1, left as it was) when it is a symlink,
//! a FIFO or a device.

use std::path::Path;

use super::{article, bin, run_in};

fn corpus(dir: &Path) {
    std::fs::write(dir.join("a.txt"), article("bridge")).expect("a");
}

fn export(dir: &Path, to: &Path) -> std::process::Output {
    run_in(
        dir,
        &["export", "--passim", to.to_str().expect("path"), "a.txt"],
    )
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).expect("stat").permissions().mode() & 0o7777
}

#[cfg(unix)]
#[test]
fn an_existing_export_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tmp");
    corpus(dir.path());
    let out = dir.path().join("corpus.jsonl");
    std::fs::write(&out, "old").expect("old");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o664)).expect("chmod");
    let o = export(dir.path(), &out);
    assert!(o.status.success(), "{}", bin::stderr(&o));
    assert_eq!(mode(&out), 0o664);
    assert!(
        std::fs::read_to_string(&out)
            .expect("read")
            .contains("bridge")
    );
    // A new file gets what any program's new file gets (0666 less the umask), not 0600.
    let fresh = dir.path().join("fresh.jsonl");
    assert!(export(dir.path(), &fresh).status.success());
    let probe = dir.path().join("probe");
    std::fs::File::create(&probe).expect("probe");
    assert_eq!(mode(&fresh), mode(&probe));
}

#[cfg(unix)]
#[test]
fn a_symlink_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("tmp");
    corpus(dir.path());
    let real = dir.path().join("real.jsonl");
    std::fs::write(&real, "kept").expect("real");
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let o = export(dir.path(), &link);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        bin::stderr(&o).contains("symbolic link"),
        "{}",
        bin::stderr(&o)
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("lstat")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&real).expect("read"), "kept");
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_and_left_alone() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("tmp");
    corpus(dir.path());
    let fifo = dir.path().join("fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let o = export(dir.path(), &fifo);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        bin::stderr(&o).contains("not a regular file"),
        "{}",
        bin::stderr(&o)
    );
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("lstat")
            .file_type()
            .is_fifo()
    );
    let o = export(dir.path(), Path::new("/dev/null"));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        std::fs::symlink_metadata("/dev/null")
            .expect("lstat")
            .file_type()
            .is_char_device()
    );
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

/// Temporary files of `dir` (an atomic write under way, or one left behind).
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read_dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".parallax-"))
        .collect()
}

#[cfg(unix)]
#[test]
fn an_export_ended_by_a_signal_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().expect("tmp");
    let news = dir.path().join("news");
    let out = dir.path().join("out");
    std::fs::create_dir(&news).expect("news");
    std::fs::create_dir(&out).expect("out");
    // Big enough that the write takes a while: articles near the 2 MB limit, each paragraph
    // its own (a paragraph repeated throughout an article is read once).
    let paragraph = article("bridge").replace('\n', " ");
    for n in 0..12 {
        let body: Vec<String> = (0..(1900 << 10) / (paragraph.len() + 40))
            .map(|k| format!("In account {k} of article {n}, {paragraph}"))
            .collect();
        let text = format!("Bridge {n}\n\n{}", body.join("\n\n"));
        std::fs::write(news.join(format!("a{n}.txt")), text).expect("article");
    }
    let mut child = bin::command("reliability-signal")
        .args(["export", "--passim", "out/corpus.jsonl", "news"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    while temporaries(&out).is_empty() {
        assert!(
            child.try_wait().expect("try_wait").is_none(),
            "the export ended before it could be interrupted"
        );
        assert!(start.elapsed() < Duration::from_secs(120), "no write began");
        std::thread::sleep(Duration::from_millis(1));
    }
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = child.wait().expect("wait");
    assert_eq!(status.signal(), Some(15), "{status:?}");
    assert_eq!(temporaries(&out), Vec::<String>::new());
    assert!(!out.join("corpus.jsonl").exists(), "no half-written export");
}
