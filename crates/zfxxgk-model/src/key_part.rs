//! The rows and columns code names, as typed constants: `T3Row::GRANTED` rather than
//! the string `"granted"`, so that a misspelt row is a compile error, not a rule that
//! silently finds no cell. A test holds each list to the template: every constant is a
//! row or column of some edition, and every row and column has its constant.

use crate::{CellKey, TableId};

/// Declares a newtype over a key part, with one documented constant per part and the
/// list of all of them in REPORT_FORMAT.md order.
macro_rules! key_parts {
    (
        $(#[$meta:meta])*
        $name:ident: $($constant:ident = $part:literal, $doc:literal;)*
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(&'static str);

        impl $name {
            $(
                #[doc = $doc]
                pub const $constant: $name = $name($part);
            )*

            /// Every one, in REPORT_FORMAT.md order.
            pub const ALL: &'static [$name] = &[$($name::$constant),*];

            /// The key part, as in REPORT_FORMAT.md.
            pub const fn as_str(self) -> &'static str {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.0)
            }
        }
    };
}

key_parts! {
    /// A row of table 二 (either edition), by the row part of its keys.
    T2Row:
    REGULATIONS = "regulations", "规章";
    NORMATIVE_DOCUMENTS = "normative_documents", "规范性文件 (2019), 行政规范性文件 (2021)";
    LICENSING = "licensing", "行政许可";
    OTHER_SERVICES = "other_services", "其他对外管理服务事项 (2019 only)";
    PENALTIES = "penalties", "行政处罚";
    ENFORCEMENT = "enforcement", "行政强制";
    FEES = "fees", "行政事业性收费";
    PROCUREMENT = "procurement", "政府集中采购 (2019 only)";
}

key_parts! {
    /// A column of table 二's sub-tables (either edition), by the column part of its keys.
    T2Column:
    MADE = "made", "本年新制作数量 (2019)";
    PUBLISHED = "published", "本年新公开数量 (2019)";
    PUBLISHED_TOTAL = "published_total", "对外公开总数量 (2019)";
    ISSUED = "issued", "本年制发件数 (2021)";
    REPEALED = "repealed", "本年废止件数 (2021)";
    IN_FORCE = "in_force", "现行有效件数 (2021)";
    ITEMS_LAST_YEAR = "items_last_year", "上一年项目数量 (2019)";
    ITEMS_CHANGE = "items_change", "本年增/减 (2019)";
    DECISIONS = "decisions", "处理决定数量 (2019), 本年处理决定数量 (2021)";
    AMOUNT_10K_YUAN = "amount_10k_yuan", "本年收费金额（单位：万元） (2021)";
    ITEMS = "items", "采购项目数量 (2019)";
    AMOUNT = "amount", "采购总金额 (2019)";
}

key_parts! {
    /// A row of table 三 (either edition), by the row part of its keys.
    T3Row:
    NEW_RECEIVED = "new_received", "一、本年新收政府信息公开申请数量";
    CARRIED_OVER = "carried_over", "二、上年结转政府信息公开申请数量";
    GRANTED = "granted", "三（一）予以公开";
    PARTLY_GRANTED = "partly_granted", "三（二）部分公开";
    WITHHELD_STATE_SECRET = "withheld.state_secret", "三（三）不予公开 1.属于国家秘密";
    WITHHELD_LAW_FORBIDDEN = "withheld.law_forbidden", "三（三）不予公开 2.其他法律行政法规禁止公开";
    WITHHELD_SECURITY_STABILITY = "withheld.security_stability", "三（三）不予公开 3.危及“三安全一稳定”";
    WITHHELD_THIRD_PARTY = "withheld.third_party", "三（三）不予公开 4.保护第三方合法权益";
    WITHHELD_INTERNAL_AFFAIRS = "withheld.internal_affairs", "三（三）不予公开 5.属于三类内部事务信息";
    WITHHELD_PROCESS_INFO = "withheld.process_info", "三（三）不予公开 6.属于四类过程性信息";
    WITHHELD_ENFORCEMENT_FILES = "withheld.enforcement_files", "三（三）不予公开 7.属于行政执法案卷";
    WITHHELD_INQUIRY = "withheld.inquiry", "三（三）不予公开 8.属于行政查询事项";
    UNAVAILABLE_NOT_HELD = "unavailable.not_held", "三（四）无法提供 1.本机关不掌握相关政府信息";
    UNAVAILABLE_NEEDS_CREATION = "unavailable.needs_creation", "三（四）无法提供 2.没有现成信息需要另行制作";
    UNAVAILABLE_UNCLEAR = "unavailable.unclear", "三（四）无法提供 3.补正后申请内容仍不明确";
    NOT_PROCESSED_COMPLAINT = "not_processed.complaint", "三（五）不予处理 1.信访举报投诉类申请";
    NOT_PROCESSED_DUPLICATE = "not_processed.duplicate", "三（五）不予处理 2.重复申请";
    NOT_PROCESSED_PUBLICATION = "not_processed.publication", "三（五）不予处理 3.要求提供公开出版物";
    NOT_PROCESSED_EXCESSIVE = "not_processed.excessive", "三（五）不予处理 4.无正当理由大量反复申请";
    NOT_PROCESSED_CONFIRMATION = "not_processed.confirmation", "三（五）不予处理 5.要求行政机关确认或重新出具已获取信息";
    OTHER = "other", "三（六）其他处理 (2019: one row)";
    OTHER_NO_CORRECTION = "other.no_correction", "三（六）其他处理 1.申请人无正当理由逾期不补正 (2021)";
    OTHER_NO_FEE = "other.no_fee", "三（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用 (2021)";
    OTHER_OTHER = "other.other", "三（六）其他处理 3.其他 (2021)";
    RESULTS_TOTAL = "results_total", "三（七）总计";
    CARRIED_FORWARD = "carried_forward", "四、结转下年度继续办理";
}

key_parts! {
    /// A column of table 三 (both editions), by the column part of its keys.
    T3Column:
    NATURAL_PERSON = "natural_person", "自然人";
    COMMERCIAL = "commercial", "法人或其他组织：商业企业";
    RESEARCH = "research", "法人或其他组织：科研机构";
    PUBLIC_INTEREST = "public_interest", "法人或其他组织：社会公益组织";
    LEGAL_SERVICES = "legal_services", "法人或其他组织：法律服务机构";
    OTHER_ORG = "other_org", "法人或其他组织：其他";
    TOTAL = "total", "总计";
}

key_parts! {
    /// A column group of table 四 (both editions), by the first part of its keys' rest:
    /// table 四's keys name a group where the other tables' keys name a row.
    T4Group:
    REVIEW = "review", "行政复议";
    LITIGATION_DIRECT = "litigation_direct", "行政诉讼：未经复议直接起诉";
    LITIGATION_AFTER_REVIEW = "litigation_after_review", "行政诉讼：复议后起诉";
}

key_parts! {
    /// A column of each group of table 四 (both editions), by the column part of its keys.
    T4Column:
    UPHELD = "upheld", "结果维持";
    CORRECTED = "corrected", "结果纠正";
    OTHER = "other", "其他结果";
    PENDING = "pending", "尚未审结";
    TOTAL = "total", "总计";
}

impl T3Row {
    /// The rows that are not among 三、本年度办理结果's parts that add up to （七）总计:
    /// 一 and 二 (received), （七）总计 itself and 四 (carried forward).
    pub const OUTSIDE_RESULTS: [T3Row; 4] = [
        T3Row::NEW_RECEIVED,
        T3Row::CARRIED_OVER,
        T3Row::RESULTS_TOTAL,
        T3Row::CARRIED_FORWARD,
    ];

    /// Whether the row of key part `row` is one of the results that add up to
    /// 三（七）总计 (in the edition that has it).
    ///
    /// ```
    /// use zfxxgk_model::T3Row;
    /// assert!(T3Row::adds_to_results_total("withheld.third_party"));
    /// assert!(!T3Row::adds_to_results_total("carried_over"));
    /// ```
    pub fn adds_to_results_total(row: &str) -> bool {
        T3Row::ALL
            .iter()
            .any(|r| r.as_str() == row && !T3Row::OUTSIDE_RESULTS.contains(r))
    }
}

impl CellKey {
    /// The key of a cell of table 二, if either edition has it (not every row has
    /// every column).
    pub fn t2(row: T2Row, column: T2Column) -> Option<CellKey> {
        CellKey::from_parts(TableId::T2, row.as_str(), column.as_str())
    }

    /// The key of a cell of table 三.
    ///
    /// ```
    /// use zfxxgk_model::{CellKey, T3Column, T3Row};
    /// let key = CellKey::t3(T3Row::GRANTED, T3Column::TOTAL);
    /// assert_eq!(key.map(|k| k.as_str()), Some("t3.granted.total"));
    /// ```
    pub fn t3(row: T3Row, column: T3Column) -> Option<CellKey> {
        CellKey::from_parts(TableId::T3, row.as_str(), column.as_str())
    }

    /// The key of a cell of table 四.
    pub fn t4(group: T4Group, column: T4Column) -> Option<CellKey> {
        CellKey::from_parts(TableId::T4, group.as_str(), column.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The distinct row and column parts of `table`'s keys, in catalog order.
    fn parts(table: TableId) -> (Vec<&'static str>, Vec<&'static str>) {
        let (mut rows, mut columns) = (Vec::new(), Vec::new());
        for k in CellKey::all().filter(|k| k.table() == table) {
            if !rows.contains(&k.row()) {
                rows.push(k.row());
            }
            if !columns.contains(&k.column()) {
                columns.push(k.column());
            }
        }
        (rows, columns)
    }

    fn strs<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|&x| as_str(x)).collect()
    }

    #[test]
    fn every_constant_is_a_part_of_the_template_and_every_part_has_one() {
        let (rows, columns) = parts(TableId::T2);
        assert_eq!(strs(T2Row::ALL, T2Row::as_str), rows);
        assert_eq!(strs(T2Column::ALL, T2Column::as_str), columns);
        let (rows, columns) = parts(TableId::T3);
        assert_eq!(strs(T3Row::ALL, T3Row::as_str), rows);
        assert_eq!(strs(T3Column::ALL, T3Column::as_str), columns);
        let (groups, columns) = parts(TableId::T4);
        assert_eq!(strs(T4Group::ALL, T4Group::as_str), groups);
        assert_eq!(strs(T4Column::ALL, T4Column::as_str), columns);
    }

    #[test]
    fn the_results_are_the_rows_under_a_group_but_their_total() {
        for e in crate::Edition::ALL {
            for r in crate::Template::of(e).t3_rows {
                let under_group = r.group.is_some() && r.key != T3Row::RESULTS_TOTAL.as_str();
                assert_eq!(
                    T3Row::adds_to_results_total(r.key),
                    under_group,
                    "{e}: {}",
                    r.key
                );
            }
        }
        assert!(!T3Row::adds_to_results_total("nobody"));
    }

    #[test]
    fn every_cell_of_tables_three_and_four_has_a_key() {
        for &row in T3Row::ALL {
            for &column in T3Column::ALL {
                assert!(CellKey::t3(row, column).is_some(), "{row}.{column}");
            }
        }
        for &group in T4Group::ALL {
            for &column in T4Column::ALL {
                assert!(CellKey::t4(group, column).is_some(), "{group}.{column}");
            }
        }
        assert_eq!(
            CellKey::t2(T2Row::FEES, T2Column::AMOUNT_10K_YUAN).map(|k| k.as_str()),
            Some("t2.fees.amount_10k_yuan")
        );
        assert_eq!(CellKey::t2(T2Row::FEES, T2Column::MADE), None);
    }
}
