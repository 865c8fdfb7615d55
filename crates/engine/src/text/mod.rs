//! Text: dates, cleaning, scripts, lexicons, options, segmentation, documents and
//! the import of users' files. Uses nothing else of the engine.

pub mod aliases;
pub mod clean;
pub mod compact_dict;
pub mod date;
pub mod document;
pub mod import;
pub mod lexicon;
pub mod options;
pub mod pos;
pub mod script;
pub mod segment;
pub mod user_words;
pub mod varint;
