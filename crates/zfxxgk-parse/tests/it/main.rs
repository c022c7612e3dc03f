//! Integration tests of zfxxgk-parse: the corpus reports that are plain UTF-8 text.

mod corpus;
