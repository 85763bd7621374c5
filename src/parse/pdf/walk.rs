//! A page's content streams to positioned runs of text: the PDF text operators
//! (`BT` `Tf` `Tm` `Td` `TD` `T*` `Tj` `TJ` `'` `"`), the graphics state they
//! depend on (`q` `Q` `cm`), and form `XObjects` drawn with `Do`. Images are only
//! counted, to tell a scanned page. Owns no layout: runs come out in drawing
//! order, in user space (y up), and `lines` puts them in reading order.
//!
//! Bounded: forms nest at most [`MAX_FORM_DEPTH`] deep, and every operation is
//! charged to a budget shared by the whole document, so a form drawn by itself,
//! or a thousand times by a thousand forms, ends instead of hanging.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object};

use super::fonts::{Font, number};
use super::resolve;

/// How deep forms may nest (a form drawing a form …).
const MAX_FORM_DEPTH: usize = 12;
/// How many parents up the page tree resources are looked for.
const MAX_TREE_DEPTH: usize = 64;

/// A run of text as the page shows it: from `x0` to `x1` on the baseline `y`,
/// in user space, with the font's size there.
#[derive(Debug, Clone)]
pub(super) struct Run {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub size: f64,
    pub text: String,
}

/// What a page shows: its runs of text, how many images it draws, and how many
/// codes were in fonts nothing decodes.
#[derive(Debug, Default)]
pub(super) struct Page {
    pub runs: Vec<Run>,
    pub images: usize,
    pub unreadable: usize,
    /// The page's drawing was cut short (an operation budget spent, a stream too large
    /// or unreadable); says why.
    pub cut: Option<&'static str>,
}

/// Shared by the pages of one document: decoded fonts and forms, and the budgets.
pub(super) struct Walker<'a> {
    doc: &'a Document,
    fonts: HashMap<usize, Font<'a>>,
    /// Forms inflated once, however often they are drawn.
    forms: HashMap<usize, Rc<Vec<u8>>>,
    /// Operations left for the whole document.
    operations_left: usize,
    /// Bytes the document's content streams may still inflate to.
    inflation_left: usize,
}

/// An affine matrix `[a b c d e f]`, as PDF writes them.
type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `first` then `second`, as PDF concatenates matrices.
fn multiply(first: &Matrix, second: &Matrix) -> Matrix {
    let (m, n) = (first, second);
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// The graphics state text depends on.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<usize>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scaling: f64,
    leading: f64,
    rise: f64,
}

/// Where the walk is inside one content stream.
struct Cursor<'r, 'a> {
    state: State,
    saved: Vec<State>,
    text: Matrix,
    line: Matrix,
    resources: &'r [&'a Dictionary],
    depth: usize,
}

impl<'a> Walker<'a> {
    /// A walker for `doc` that performs at most `operations` and inflates at
    /// most `inflation` bytes of content streams.
    pub(super) fn new(doc: &'a Document, operations: usize, inflation: usize) -> Walker<'a> {
        Walker {
            doc,
            fonts: HashMap::new(),
            forms: HashMap::new(),
            operations_left: operations,
            inflation_left: inflation,
        }
    }

    /// Walks the content of the page `id`.
    pub(super) fn page(&mut self, id: lopdf::ObjectId) -> Page {
        let mut page = Page::default();
        let Ok(content) = self
            .doc
            .get_page_content_with_limit(id, self.inflation_left)
        else {
            page.cut = Some("its content is too large or unreadable");
            return page;
        };
        self.inflation_left -= content.len().min(self.inflation_left);
        let resources = page_resources(self.doc, id);
        let cursor = Cursor {
            state: State {
                ctm: IDENTITY,
                font: None,
                size: 0.0,
                char_spacing: 0.0,
                word_spacing: 0.0,
                scaling: 1.0,
                leading: 0.0,
                rise: 0.0,
            },
            saved: Vec::new(),
            text: IDENTITY,
            line: IDENTITY,
            resources: &resources,
            depth: 0,
        };
        self.stream(&content, cursor, &mut page);
        page
    }

    fn stream(&mut self, content: &[u8], mut cursor: Cursor<'_, 'a>, page: &mut Page) {
        for operation in Content::decode_iter(content) {
            let Ok(operation) = operation else {
                page.cut.get_or_insert("its content stream is damaged");
                return;
            };
            if self.operations_left == 0 {
                page.cut.get_or_insert("it draws too much");
                return;
            }
            self.operations_left -= 1;
            self.operation(&operation, &mut cursor, page);
        }
    }

    fn operation(&mut self, operation: &Operation, cursor: &mut Cursor<'_, 'a>, page: &mut Page) {
        let operands = &operation.operands;
        let n = |i: usize| {
            operands
                .get(i)
                .and_then(|o| number(self.doc, o))
                .unwrap_or(0.0)
        };
        let state = &mut cursor.state;
        match operation.operator.as_str() {
            "q" if cursor.saved.len() < 256 => cursor.saved.push(state.clone()),
            "Q" => {
                if let Some(saved) = cursor.saved.pop() {
                    cursor.state = saved;
                }
            }
            "cm" => state.ctm = multiply(&[n(0), n(1), n(2), n(3), n(4), n(5)], &state.ctm),
            "BT" => {
                cursor.text = IDENTITY;
                cursor.line = IDENTITY;
            }
            "Tf" => {
                state.size = n(1);
                state.font = operands
                    .first()
                    .and_then(|o| self.font(cursor.resources, o));
            }
            "Tc" => state.char_spacing = n(0),
            "Tw" => state.word_spacing = n(0),
            "Tz" => state.scaling = n(0) / 100.0,
            "TL" => state.leading = n(0),
            "Ts" => state.rise = n(0),
            "Td" => cursor.next_line(n(0), n(1)),
            "TD" => {
                cursor.state.leading = -n(1);
                cursor.next_line(n(0), n(1));
            }
            "Tm" => {
                cursor.text = [n(0), n(1), n(2), n(3), n(4), n(5)];
                cursor.line = cursor.text;
            }
            "T*" => cursor.next_line(0.0, -cursor.state.leading),
            "Tj" => self.show(operands.first(), cursor, page),
            "'" => {
                cursor.next_line(0.0, -cursor.state.leading);
                self.show(operands.first(), cursor, page);
            }
            "\"" => {
                cursor.state.word_spacing = n(0);
                cursor.state.char_spacing = n(1);
                cursor.next_line(0.0, -cursor.state.leading);
                self.show(operands.get(2), cursor, page);
            }
            "TJ" => self.show_array(operands.first(), cursor, page),
            "Do" => self.draw(operands.first(), cursor, page),
            "BI" => page.images += 1,
            _ => {}
        }
    }

    fn font(&mut self, resources: &[&'a Dictionary], name: &Object) -> Option<usize> {
        let doc = self.doc;
        let dict = lookup(doc, resources, b"Font", name)?.as_dict().ok()?;
        let key = std::ptr::from_ref(dict) as usize;
        let limit = self.inflation_left;
        self.fonts
            .entry(key)
            .or_insert_with(|| Font::new(doc, dict, limit));
        Some(key)
    }

    fn show_array(&mut self, array: Option<&Object>, cursor: &mut Cursor<'_, 'a>, page: &mut Page) {
        let Some(items) = array.and_then(|a| resolve(self.doc, a).as_array().ok()) else {
            return;
        };
        for item in items {
            match item {
                Object::String(..) => self.show(Some(item), cursor, page),
                other => {
                    let adjust = number(self.doc, other).unwrap_or(0.0);
                    let state = &cursor.state;
                    let tx = -adjust / 1000.0 * state.size * state.scaling;
                    cursor.text = multiply(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &cursor.text);
                }
            }
        }
    }

    fn show(&mut self, string: Option<&Object>, cursor: &mut Cursor<'_, 'a>, page: &mut Page) {
        let Some(bytes) = string.and_then(|s| resolve(self.doc, s).as_str().ok()) else {
            return;
        };
        let Some(font) = cursor.state.font.and_then(|key| self.fonts.get(&key)) else {
            return;
        };
        let state = &cursor.state;
        let device = multiply(&cursor.text, &state.ctm);
        let (x0, y) = apply(&device, 0.0, state.rise);
        let mut text = String::new();
        let mut advance = 0.0;
        for glyph in font.glyphs(bytes) {
            let spacing = state.char_spacing
                + if glyph.word_space {
                    state.word_spacing
                } else {
                    0.0
                };
            advance += (glyph.advance * state.size + spacing) * state.scaling;
            text.push_str(&glyph.text);
        }
        if font.unreadable() {
            page.unreadable += bytes.len();
        }
        cursor.text = multiply(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], &cursor.text);
        let (x1, _) = apply(&multiply(&cursor.text, &state.ctm), 0.0, state.rise);
        // `libm`'s, as `f64::hypot` would load the system's maths library at
        // every start of the program.
        let size = state.size * libm::hypot(device[2], device[3]);
        if !text.is_empty() && size.is_finite() && x0.is_finite() && y.is_finite() {
            page.runs.push(Run {
                x0,
                x1,
                y,
                size: size.abs(),
                text,
            });
        }
    }

    fn draw(&mut self, name: Option<&Object>, cursor: &mut Cursor<'_, 'a>, page: &mut Page) {
        let Some(stream) = name
            .and_then(|name| lookup(self.doc, cursor.resources, b"XObject", name))
            .and_then(|o| o.as_stream().ok())
        else {
            return;
        };
        match stream
            .dict
            .get(b"Subtype")
            .ok()
            .and_then(|s| s.as_name().ok())
        {
            Some(b"Image") => page.images += 1,
            Some(b"Form") if cursor.depth < MAX_FORM_DEPTH => {
                let Some(content) = self.form_content(stream) else {
                    page.cut
                        .get_or_insert("a drawing on it is too large or unreadable");
                    return;
                };
                let matrix = form_matrix(self.doc, &stream.dict);
                let own = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|r| resolve(self.doc, r).as_dict().ok());
                let resources: Vec<&'a Dictionary> = own
                    .into_iter()
                    .chain(cursor.resources.iter().copied())
                    .collect();
                let mut state = cursor.state.clone();
                state.ctm = multiply(&matrix, &state.ctm);
                let inner = Cursor {
                    state,
                    saved: Vec::new(),
                    text: IDENTITY,
                    line: IDENTITY,
                    resources: &resources,
                    depth: cursor.depth + 1,
                };
                self.stream(&content, inner, page);
            }
            _ => {}
        }
    }
}

impl Walker<'_> {
    fn form_content(&mut self, stream: &lopdf::Stream) -> Option<Rc<Vec<u8>>> {
        let key = std::ptr::from_ref(stream) as usize;
        if let Some(content) = self.forms.get(&key) {
            return Some(Rc::clone(content));
        }
        let content = Rc::new(
            stream
                .get_plain_content_with_limit(self.inflation_left)
                .ok()?,
        );
        self.inflation_left -= content.len().min(self.inflation_left);
        self.forms.insert(key, Rc::clone(&content));
        Some(content)
    }
}

impl Cursor<'_, '_> {
    fn next_line(&mut self, tx: f64, ty: f64) {
        self.line = multiply(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.line);
        self.text = self.line;
    }
}

fn form_matrix(doc: &Document, dict: &Dictionary) -> Matrix {
    let Some(values) = dict
        .get(b"Matrix")
        .ok()
        .and_then(|m| resolve(doc, m).as_array().ok())
    else {
        return IDENTITY;
    };
    let mut matrix = IDENTITY;
    for (slot, value) in matrix.iter_mut().zip(values) {
        *slot = number(doc, value).unwrap_or(0.0);
    }
    matrix
}

/// The page's resource dictionaries, its own first, then those it inherits
/// from the page tree (a loop in the tree's parents ends where it repeats).
fn page_resources(doc: &Document, id: lopdf::ObjectId) -> Vec<&Dictionary> {
    let mut found = Vec::new();
    let mut seen = HashSet::from([id]);
    let mut node = doc.get_dictionary(id).ok();
    while let Some(dict) = node {
        if let Some(resources) = dict
            .get(b"Resources")
            .ok()
            .and_then(|r| resolve(doc, r).as_dict().ok())
        {
            found.push(resources);
        }
        node = dict
            .get(b"Parent")
            .ok()
            .and_then(|p| p.as_reference().ok())
            .filter(|&parent| seen.len() < MAX_TREE_DEPTH && seen.insert(parent))
            .and_then(|parent| doc.get_dictionary(parent).ok());
    }
    found
}

/// The resource `name` of `category` (`Font`, `XObject`), in the nearest
/// resources that have it.
fn lookup<'a>(
    doc: &'a Document,
    resources: &[&'a Dictionary],
    category: &[u8],
    name: &Object,
) -> Option<&'a Object> {
    let name = name.as_name().ok()?;
    resources.iter().find_map(|dict| {
        let table = resolve(doc, dict.get(category).ok()?).as_dict().ok()?;
        Some(resolve(doc, table.get(name).ok()?))
    })
}
