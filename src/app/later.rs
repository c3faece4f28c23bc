//! Adoption in slices. A published page is adopted part by part, each part in a short task of
//! its own, so a reader's tap is never kept waiting behind the whole issue (one ~100 ms task on
//! a mid-range phone, where 50 ms is the limit of a task that does not block).
//!
//! [`later`] wraps a view whose HTML is one element (a part of the issue, a group of news): at
//! publish time and when drawn in the browser it is that view, unchanged; when a page is
//! adopted, the element is taken as it is and adopted (hydrated) in a later task. Work that
//! needs the whole page adopted (the URL's own view, the live charts) waits with [`when_adopted`].
//!
//! [`inert`] wraps a view with nothing to adopt: the text, whose groups the section
//! around them shows and hides and whose 分享 links the page handles. A published page keeps
//! it as it came and never adopts it; when the view changes (another issue, another language)
//! it is drawn afresh in its place.

use leptos::prelude::*;
use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::{Element, Node};
use leptos::tachys::renderer::Rndr;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

type Make = Box<dyn FnOnce() -> AnyView + Send>;

/// A view adopted after the rest of the page (see the module). Its HTML must be one element.
pub fn later(make: impl FnOnce() -> AnyView + Send + 'static) -> Later {
    Later {
        make: Box::new(make),
        owner: Owner::current().unwrap_or_default(),
        inert: false,
    }
}

/// A view a published page never adopts (see the module). Its HTML must be one element, and
/// nothing in it may need code: no handler, nothing reactive.
pub fn inert(make: impl FnOnce() -> AnyView + Send + 'static) -> Later {
    Later {
        inert: true,
        ..later(make)
    }
}

pub struct Later {
    make: Make,
    owner: Owner,
    inert: bool,
}

enum Slot {
    /// Published, not adopted yet: the element as it came, and what adopts it.
    Waiting {
        node: Node,
        make: Make,
        owner: Owner,
    },
    Ready(AnyViewState),
    /// Being adopted (a reentrant call finds nothing to do).
    Busy,
}

pub struct LaterState(Rc<RefCell<Slot>>);

impl LaterState {
    fn with_ready<T>(&self, ready: impl FnOnce(&AnyViewState) -> T) -> Option<T> {
        match &*self.0.borrow() {
            Slot::Ready(state) => Some(ready(state)),
            _ => None,
        }
    }

    fn waiting_node(&self) -> Option<Node> {
        match &*self.0.borrow() {
            Slot::Waiting { node, .. } => Some(node.clone()),
            _ => None,
        }
    }
}

fn settle(slot: &Rc<RefCell<Slot>>) {
    let taken = std::mem::replace(&mut *slot.borrow_mut(), Slot::Busy);
    let Slot::Waiting { node, make, owner } = taken else {
        *slot.borrow_mut() = taken;
        return;
    };
    use leptos::wasm_bindgen::JsCast;
    let element: Element = node.unchecked_into();
    let state = owner.with(|| {
        let cursor = Cursor::new(element);
        make().hydrate::<true>(&cursor, &PositionState::new(Position::Current))
    });
    *slot.borrow_mut() = Slot::Ready(state);
}

impl Render for Later {
    type State = LaterState;

    fn build(self) -> LaterState {
        let state = self.owner.with(|| (self.make)().build());
        LaterState(Rc::new(RefCell::new(Slot::Ready(state))))
    }

    fn rebuild(self, state: &mut LaterState) {
        // Still as published (never adopted, or not yet): drawn afresh in its place, rather
        // than adopted only to be changed.
        if let Some(node) = state.waiting_node() {
            use leptos::wasm_bindgen::JsCast;
            let mut fresh = self.owner.with(|| (self.make)().build());
            if let Some(parent) = Rndr::get_parent(&node) {
                fresh.mount(parent.unchecked_ref(), Some(&node));
            }
            Rndr::remove(&node);
            *state.0.borrow_mut() = Slot::Ready(fresh);
            return;
        }
        let view = self.owner.with(self.make);
        if let Slot::Ready(ready) = &mut *state.0.borrow_mut() {
            self.owner.with(|| view.rebuild(ready));
        }
    }
}

// Attributes are never spread onto a part of the page.
impl AddAnyAttr for Later {
    type Output<SomeNewAttr: Attribute> = Later;

    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Later {
        self
    }
}

impl RenderHtml for Later {
    type AsyncOutput = Later;
    type Owned = Later;
    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Later {
        self
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.owner.with(|| {
            (self.make)().to_html_with_buf(buf, position, escape, mark_branches, extra_attrs)
        });
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> LaterState {
        // Where the element is (as an element's own adoption finds it).
        let at = position.get();
        let next = match at {
            Position::FirstChild => Rndr::first_child(&cursor.current()),
            Position::Current => Some(cursor.current()),
            _ => Rndr::next_sibling(&cursor.current()),
        };
        let element = next.filter(|node| node.node_type() == 1);
        let Some(node) = element.filter(|_| FROM_SERVER) else {
            // Not one element as published: adopted now, as any view.
            let state = self
                .owner
                .with(|| (self.make)().hydrate::<FROM_SERVER>(cursor, position));
            return LaterState(Rc::new(RefCell::new(Slot::Ready(state))));
        };
        cursor.set(node.clone());
        position.set(Position::NextChild);
        let slot = Rc::new(RefCell::new(Slot::Waiting {
            node,
            make: self.make,
            owner: self.owner,
        }));
        if !self.inert {
            queue(Job::Adopt(Rc::downgrade(&slot)));
        }
        LaterState(slot)
    }

    fn into_owned(self) -> Later {
        self
    }
}

impl Mountable for LaterState {
    fn unmount(&mut self) {
        match self.waiting_node() {
            Some(node) => Rndr::remove(&node),
            None => {
                if let Slot::Ready(state) = &mut *self.0.borrow_mut() {
                    state.unmount();
                }
            }
        }
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        match self.waiting_node() {
            Some(node) => Rndr::insert_node(parent, &node, marker),
            None => {
                if let Slot::Ready(state) = &mut *self.0.borrow_mut() {
                    state.mount(parent, marker);
                }
            }
        }
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        if let Some(node) = self.waiting_node() {
            use leptos::wasm_bindgen::JsCast;
            return match Rndr::get_parent(&node) {
                Some(parent) => {
                    child.mount(parent.unchecked_ref(), Some(&node));
                    true
                }
                None => false,
            };
        }
        self.with_ready(|state| state.insert_before_this(child))
            .unwrap_or(false)
    }

    fn elements(&self) -> Vec<Element> {
        if let Some(node) = self.waiting_node() {
            use leptos::wasm_bindgen::JsCast;
            return vec![node.unchecked_into()];
        }
        self.with_ready(Mountable::elements).unwrap_or_default()
    }
}

enum Job {
    Adopt(Weak<RefCell<Slot>>),
    Then(Box<dyn FnOnce()>),
}

/// Adoptions first, in the page's order; then what waits for the whole page.
#[derive(Default)]
struct Queue {
    adopt: VecDeque<Weak<RefCell<Slot>>>,
    then: VecDeque<Box<dyn FnOnce()>>,
    scheduled: bool,
}

thread_local! {
    static QUEUE: RefCell<Queue> = RefCell::default();
}

/// How long one task may run before it lets the browser answer a reader: well under the 50 ms
/// of a long task, on a phone four times slower than this machine.
const SLICE_MS: f64 = 8.0;

fn queue(job: Job) {
    // Nothing is adopted at publish time; nothing waits there.
    if cfg!(not(target_arch = "wasm32")) {
        return;
    }
    let schedule = QUEUE.with_borrow_mut(|q| {
        match job {
            Job::Adopt(slot) => q.adopt.push_back(slot),
            Job::Then(f) => q.then.push_back(f),
        }
        !std::mem::replace(&mut q.scheduled, true)
    });
    if schedule {
        set_timeout(run_slice, std::time::Duration::ZERO);
    }
}

/// Runs `f` once every part of the page is adopted (at once, in a later task, if none waits).
pub fn when_adopted(f: impl FnOnce() + 'static) {
    queue(Job::Then(Box::new(f)));
}

/// Resolves once every part of the page is adopted: what it awaits cannot change what a part
/// still waiting would draw (a part must be adopted as it was published).
pub async fn adopted() {
    let done = js_sys::Promise::new(&mut |resolve, _| {
        when_adopted(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(done).await;
}

fn next_job() -> Option<Job> {
    QUEUE.with_borrow_mut(|q| {
        q.adopt
            .pop_front()
            .map(Job::Adopt)
            .or_else(|| q.then.pop_front().map(Job::Then))
    })
}

fn run(job: Job) {
    match job {
        Job::Adopt(slot) => {
            if let Some(slot) = slot.upgrade() {
                settle(&slot);
            }
        }
        Job::Then(f) => f(),
    }
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn run_slice() {
    let start = now();
    while let Some(job) = next_job() {
        // What waits for the page sets signals, whose effects run once this task's code ends:
        // one such job per task, so its effects are counted in that task alone.
        let then = matches!(job, Job::Then(_));
        run(job);
        if then || now() - start > SLICE_MS {
            break;
        }
    }
    let more = QUEUE.with_borrow_mut(|q| {
        q.scheduled = !(q.adopt.is_empty() && q.then.is_empty());
        q.scheduled
    });
    if more {
        set_timeout(run_slice, std::time::Duration::ZERO);
    }
}

/// Adopts every part still waiting, now: before the view changes, so what changes is adopted.
pub fn adopt_all() {
    loop {
        let next = QUEUE.with_borrow_mut(|q| q.adopt.pop_front());
        match next {
            Some(slot) => run(Job::Adopt(slot)),
            None => break,
        }
    }
}
