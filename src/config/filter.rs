//! Which walked files to read: include and exclude globs, matched like `.gitignore` patterns
//! against paths relative to the configuration file's folder.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::path::{Component, Path, PathBuf};

/// Compiled include and exclude globs.
#[derive(Debug, Clone)]
pub struct FileFilter {
    root: PathBuf,
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl FileFilter {
    /// Compiles globs (already validated when the configuration was parsed) for a root folder.
    pub fn new(root: &Path, include: &[String], exclude: &[String]) -> FileFilter {
        let build = |pats: &[String]| {
            let mut b = GlobSetBuilder::new();
            for p in pats {
                // Globs were checked when parsed; one that fails here is skipped, not fatal.
                if let Ok(g) = glob(p) {
                    b.add(g);
                }
            }
            b.build().unwrap_or_else(|_| GlobSet::empty())
        };
        FileFilter {
            root: clean_path(root),
            include: (!include.is_empty()).then(|| build(include)),
            exclude: build(exclude),
        }
    }

    /// The path that globs are matched against: relative to the root when under it.
    fn relative(&self, path: &Path) -> PathBuf {
        let path = clean_path(path);
        path.strip_prefix(&self.root)
            .map_or_else(|_| path.clone(), Path::to_path_buf)
    }

    /// Whether a walked file or folder (an absolute path) is excluded.
    pub fn excluded(&self, path: &Path) -> bool {
        self.exclude.is_match(self.relative(path))
    }

    /// Whether a walked file (an absolute path) passes the include globs.
    pub fn included(&self, path: &Path) -> bool {
        self.include
            .as_ref()
            .is_none_or(|set| set.is_match(self.relative(path)))
    }
}

/// Resolves `.` and `..` lexically, without touching the file system (symbolic links are not
/// followed, as in Go's `filepath.Clean`).
pub fn clean_path(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Builds a glob as gitignore reads it: without a `/` it matches a name at any depth, a trailing
/// `/` matches everything below, and `*` never crosses a `/`.
pub(super) fn glob(pattern: &str) -> Result<globset::Glob, String> {
    let p = pattern.strip_prefix("./").unwrap_or(pattern);
    if p.is_empty() {
        return Err("empty glob".to_owned());
    }
    let p = if let Some(dir) = p.strip_suffix('/') {
        format!("{dir}/**")
    } else {
        p.to_owned()
    };
    let p = match p.strip_prefix('/') {
        Some(anchored) => anchored.to_owned(),
        None if !p.contains('/') => format!("**/{p}"),
        None => p,
    };
    GlobBuilder::new(&p)
        .literal_separator(true)
        .build()
        .map_err(|e| format!("invalid glob `{pattern}`: {}", e.kind()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_like_gitignore() {
        let inc = ["docs/**".to_owned()];
        let exc = [
            "drafts".to_owned(),
            "archive/".to_owned(),
            "*.tmp.md".to_owned(),
        ];
        let filter = FileFilter::new(Path::new("/w"), &inc, &exc);
        assert!(filter.excluded(Path::new("/w/docs/drafts")));
        assert!(filter.excluded(Path::new("/w/archive/x.md")));
        assert!(filter.excluded(Path::new("/w/docs/a.tmp.md")));
        assert!(!filter.excluded(Path::new("/w/docs/a.md")));
        assert!(filter.included(Path::new("/w/docs/sub/a.md")));
        assert!(!filter.included(Path::new("/w/other/a.md")));
        assert!(filter.included(Path::new("/w/x/../docs/a.md")));
    }

    #[test]
    fn clean_path_is_lexical() {
        assert_eq!(
            clean_path(Path::new("/w/sub/../docs/./a.md")),
            Path::new("/w/docs/a.md")
        );
        assert_eq!(clean_path(Path::new("../../x")), Path::new("../../x"));
        assert_eq!(clean_path(Path::new("/..")), Path::new("/"));
    }
}
