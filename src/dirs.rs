//! Where parallax keeps what it writes for itself: the cache, the state (logs) and the
//! user's configuration. Each follows the platform's conventions (XDG on Linux, through the
//! `directories` crate) and can be overridden by an environment variable, which is also how
//! tests keep their writes inside a temporary folder.
//!
//! Nothing here creates a directory; the writer does, when it first needs one.

use std::path::PathBuf;

use directories::ProjectDirs;

/// Overrides the cache directory (else `$XDG_CACHE_HOME/parallax`).
pub const CACHE_ENV: &str = "PARALLAX_CACHE_DIR";
/// Overrides the state directory, where logs go (else `$XDG_STATE_HOME/parallax`).
pub const STATE_ENV: &str = "PARALLAX_STATE_DIR";
/// Overrides the configuration file itself (else `$XDG_CONFIG_HOME/parallax/config.toml`).
pub const CONFIG_ENV: &str = "PARALLAX_CONFIG";

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "parallax")
}

fn from_env(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The directory for the analysis cache, or `None` when the platform has no home to put it in.
pub fn cache_dir() -> Option<PathBuf> {
    from_env(CACHE_ENV).or_else(|| project().map(|p| p.cache_dir().to_path_buf()))
}

/// The directory for logs and other state. Platforms without a state directory (macOS,
/// Windows) use the local data directory instead.
pub fn state_dir() -> Option<PathBuf> {
    from_env(STATE_ENV).or_else(|| {
        project().map(|p| {
            p.state_dir()
                .unwrap_or_else(|| p.data_local_dir())
                .to_path_buf()
        })
    })
}

/// The path of the user's configuration file (which may not exist).
pub fn config_file() -> Option<PathBuf> {
    from_env(CONFIG_ENV).or_else(|| project().map(|p| p.config_dir().join("config.toml")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_directory_is_named_after_the_app() {
        // Whatever the environment, a resolved directory ends in our own folder or file.
        for dir in [cache_dir(), state_dir()].into_iter().flatten() {
            if std::env::var_os(CACHE_ENV).is_none() && std::env::var_os(STATE_ENV).is_none() {
                assert!(dir.ends_with("parallax"), "{}", dir.display());
            }
        }
        if let Some(file) = config_file()
            && std::env::var_os(CONFIG_ENV).is_none()
        {
            assert!(file.ends_with("parallax/config.toml"), "{}", file.display());
        }
    }
}
