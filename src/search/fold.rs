//! Folding for matching: 繁 and 简 alike, ASCII letters in any case.

/// Folds text for matching; every character keeps its UTF-8 length.
#[derive(Debug, Clone, Default)]
pub struct Folder {
    /// Basic-plane characters by code point (0: unchanged): a lookup per character, as the whole
    /// archive is folded when the index loads.
    bmp: Vec<u16>,
    /// The rest (a handful at most).
    astral: Vec<(char, char)>,
}

impl Folder {
    pub fn new(pairs: &str) -> Folder {
        let chars: Vec<char> = pairs.chars().collect();
        let mut folder = Folder::default();
        for pair in chars.chunks_exact(2) {
            let (from, to) = (pair[0], pair[1]);
            if from.len_utf8() != to.len_utf8() {
                continue;
            }
            match (u16::try_from(u32::from(from)), u16::try_from(u32::from(to))) {
                (Ok(f), Ok(t)) => {
                    folder.bmp.resize(0x1_0000, 0);
                    folder.bmp[usize::from(f)] = t;
                }
                _ => folder.astral.push((from, to)),
            }
        }
        folder
    }

    fn map(&self, c: char) -> Option<char> {
        match self.bmp.get(c as usize) {
            Some(0) => None,
            Some(&t) => char::from_u32(u32::from(t)),
            None => self.astral.iter().find(|p| p.0 == c).map(|p| p.1),
        }
    }

    /// For matching: lower-case ASCII, Simplified characters; appended to `out`.
    pub fn fold_into(&self, text: &str, out: &mut String) {
        out.extend(
            text.chars()
                .map(|c| self.map(c).unwrap_or(c.to_ascii_lowercase())),
        );
    }

    pub fn fold(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        self.fold_into(text, &mut out);
        out
    }

    /// For showing in Simplified: the characters only, letters keep their case.
    pub fn simplified(&self, text: &str) -> String {
        text.chars().map(|c| self.map(c).unwrap_or(c)).collect()
    }
}
