//! The statistics, each with its table. Uses [`text`](crate::text) and
//! [`corpus`](crate::corpus).

pub mod clusters;
pub mod collocates;
pub mod discover;
pub mod dispersion;
pub mod keyness;
pub mod kwic;
pub mod lda;
pub mod ngrams;
pub mod profile;
pub mod search;
pub mod stats;
pub mod table;
pub mod topic_file;
pub mod topics;
pub mod trends;
