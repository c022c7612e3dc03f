//! One value for each edition of the template, so that what differs between editions is
//! data looked up by [`Edition`], not a pair of names written out by hand.

use std::ops::{Index, IndexMut};

use crate::Edition;

/// One value for each edition of the template.
///
/// ```
/// use zfxxgk_model::{Edition, PerEdition, Template};
/// let rows = PerEdition::from_fn(|e| Template::of(e).t3_rows.len());
/// assert_eq!((rows[Edition::V2019], rows[Edition::V2021]), (23, 25));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PerEdition<T> {
    v2019: T,
    v2021: T,
}

impl<T> PerEdition<T> {
    /// The value of each edition, oldest first.
    pub const fn new(v2019: T, v2021: T) -> PerEdition<T> {
        PerEdition { v2019, v2021 }
    }

    /// Builds the value of each edition, oldest first.
    pub fn from_fn(mut build: impl FnMut(Edition) -> T) -> PerEdition<T> {
        PerEdition {
            v2019: build(Edition::V2019),
            v2021: build(Edition::V2021),
        }
    }

    /// The value of `edition`.
    pub const fn get(&self, edition: Edition) -> &T {
        match edition {
            Edition::V2019 => &self.v2019,
            Edition::V2021 => &self.v2021,
        }
    }

    /// The value of `edition`, to change.
    pub fn get_mut(&mut self, edition: Edition) -> &mut T {
        match edition {
            Edition::V2019 => &mut self.v2019,
            Edition::V2021 => &mut self.v2021,
        }
    }

    /// Each edition with its value, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = (Edition, &T)> {
        Edition::ALL.into_iter().map(move |e| (e, self.get(e)))
    }

    /// The value of each edition, each mapped by `f`.
    pub fn map<U>(&self, mut f: impl FnMut(Edition, &T) -> U) -> PerEdition<U> {
        PerEdition::from_fn(|e| f(e, self.get(e)))
    }
}

impl<T> Index<Edition> for PerEdition<T> {
    type Output = T;

    fn index(&self, edition: Edition) -> &T {
        self.get(edition)
    }
}

impl<T> IndexMut<Edition> for PerEdition<T> {
    fn index_mut(&mut self, edition: Edition) -> &mut T {
        self.get_mut(edition)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_edition_has_its_own_value() {
        let names = PerEdition::from_fn(Edition::as_str);
        assert_eq!(names[Edition::V2019], "2019");
        assert_eq!(*names.get(Edition::V2021), "2021");
        let seen: Vec<(Edition, &str)> = names.iter().map(|(e, s)| (e, *s)).collect();
        assert_eq!(seen, [(Edition::V2019, "2019"), (Edition::V2021, "2021")]);
        let lengths = names.map(|_, s| s.len());
        assert_eq!(lengths, PerEdition::new(4, 4));
    }
}
