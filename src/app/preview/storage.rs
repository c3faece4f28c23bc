//! The draft in the browser's localStorage: saved as the editor types, restored after a reload,
//! a crash or a closed tab. Each tab has an id (kept in sessionStorage, so a reload is the same
//! tab); a save never silently overwrites a newer draft from another tab.

use crate::draft::{decide_save, DraftKind, SaveDecision, StoredDraft};
use leptos::ev;
use leptos::prelude::*;

const KEY: &str = "sheto-draft-v1";
const TAB_KEY: &str = "sheto-tab-id";

#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Storage is switched off or blocked (private mode, policy).
    Unavailable,
    /// The quota is used up.
    Full,
}

impl SaveError {
    pub fn message(&self) -> crate::i18n::Msg {
        match self {
            SaveError::Unavailable => crate::i18n::Msg::SaveUnavailable,
            SaveError::Full => crate::i18n::Msg::SaveFull,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    Saved {
        revision: u64,
    },
    /// Another tab saved a newer draft; nothing was written.
    Conflict,
}

fn local() -> Result<web_sys::Storage, SaveError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(SaveError::Unavailable)
}

/// This tab's id: the same across reloads of the tab, new for a new tab.
pub fn tab_id() -> String {
    let session = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    if let Some(id) = session
        .as_ref()
        .and_then(|s| s.get_item(TAB_KEY).ok().flatten())
    {
        return id;
    }
    let id = format!("{:x}", (js_sys::Math::random() * 1e12) as u64);
    if let Some(s) = session {
        let _ = s.set_item(TAB_KEY, &id);
    }
    id
}

/// The saved draft, if any (an unreadable one counts as none).
pub fn load() -> Option<StoredDraft> {
    let raw = local().ok()?.get_item(KEY).ok().flatten()?;
    serde_json::from_str(&raw).ok()
}

/// Saves the draft unless another tab saved a newer one since this tab last saw `seen`.
pub fn save(
    kind: DraftKind,
    content: &str,
    tab: &str,
    seen: u64,
) -> Result<SaveOutcome, SaveError> {
    let storage = local()?;
    match decide_save(load().as_ref(), tab, seen) {
        SaveDecision::Conflict => Ok(SaveOutcome::Conflict),
        SaveDecision::Save { revision } => {
            let draft = StoredDraft {
                kind,
                content: content.to_string(),
                tab: tab.to_string(),
                revision,
                saved_at: js_sys::Date::now(),
            };
            let json = serde_json::to_string(&draft).map_err(|_| SaveError::Unavailable)?;
            // setItem throws QuotaExceededError when storage is full.
            storage.set_item(KEY, &json).map_err(|_| SaveError::Full)?;
            Ok(SaveOutcome::Saved { revision })
        }
    }
}

/// Forgets the saved draft.
pub fn discard() {
    if let Ok(storage) = local() {
        let _ = storage.remove_item(KEY);
    }
}

/// Calls `f` with the draft another tab has just saved.
pub fn on_other_tab_save(f: impl Fn(StoredDraft) + 'static) {
    let handle = window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
        if e.key().as_deref() == Some(KEY) {
            if let Some(draft) = e.new_value().and_then(|v| serde_json::from_str(&v).ok()) {
                f(draft);
            }
        }
    });
    on_cleanup(move || handle.remove());
}
