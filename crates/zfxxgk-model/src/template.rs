//! The State Council template as data: every row and column of tables 二, 三 and 四 in
//! both editions, with the key fragment of REPORT_FORMAT.md and the template's wording.

use crate::{Edition, PerEdition, TableId};

/// One row of a template table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowDef {
    /// Row part of the canonical key (`granted`, `withheld.third_party`).
    pub key: &'static str,
    /// The template's wording of the row's own label, without numbering
    /// (`属于国家秘密`).
    pub label: &'static str,
    /// The numbering the template puts before the label (`1.`, `（一）`, `一、`).
    pub number: &'static str,
    /// The group label the row stands under, if any (`不予公开`).
    pub group: Option<&'static str>,
    /// Other wordings real reports use for the same row.
    pub aliases: &'static [&'static str],
}

/// One column of a template table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnDef {
    /// Column part of the canonical key (`natural_person`, `decisions`).
    pub key: &'static str,
    /// The template's wording of the column header.
    pub label: &'static str,
    /// Other wordings real reports use for the same column.
    pub aliases: &'static [&'static str],
}

/// A sub-table of table 二, headed 第二十条第（X）项.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubTableDef {
    /// The item number of 第二十条 (1, 5, 6, 8 or 9).
    pub item: u8,
    /// Rows in template order.
    pub rows: &'static [RowDef],
    /// Columns in template order.
    pub columns: &'static [ColumnDef],
}

const fn row(key: &'static str, number: &'static str, label: &'static str) -> RowDef {
    RowDef {
        key,
        label,
        number,
        group: None,
        aliases: &[],
    }
}

const fn grouped(
    key: &'static str,
    number: &'static str,
    label: &'static str,
    group: &'static str,
) -> RowDef {
    RowDef {
        key,
        label,
        number,
        group: Some(group),
        aliases: &[],
    }
}

const fn col(key: &'static str, label: &'static str) -> ColumnDef {
    ColumnDef {
        key,
        label,
        aliases: &[],
    }
}

const REGULATIONS: RowDef = row("regulations", "", "规章");
const NORMATIVE_2019: RowDef = RowDef {
    key: "normative_documents",
    label: "规范性文件",
    number: "",
    group: None,
    aliases: &["行政规范性文件"],
};
const NORMATIVE_2021: RowDef = RowDef {
    key: "normative_documents",
    label: "行政规范性文件",
    number: "",
    group: None,
    aliases: &["规范性文件"],
};
const LICENSING: RowDef = row("licensing", "", "行政许可");
const OTHER_SERVICES: RowDef = row("other_services", "", "其他对外管理服务事项");
const PENALTIES: RowDef = row("penalties", "", "行政处罚");
const ENFORCEMENT: RowDef = row("enforcement", "", "行政强制");
const FEES: RowDef = row("fees", "", "行政事业性收费");
const PROCUREMENT: RowDef = row("procurement", "", "政府集中采购");

const ITEMS_LAST_YEAR: ColumnDef = col("items_last_year", "上一年项目数量");
const ITEMS_CHANGE: ColumnDef = ColumnDef {
    key: "items_change",
    label: "本年增/减",
    aliases: &["本年增减", "本年增（减）"],
};
const DECISIONS_2019: ColumnDef = col("decisions", "处理决定数量");
const DECISIONS_2021: ColumnDef = ColumnDef {
    key: "decisions",
    label: "本年处理决定数量",
    aliases: &["处理决定数量"],
};

const T2_2019: &[SubTableDef] = &[
    SubTableDef {
        item: 1,
        rows: &[REGULATIONS, NORMATIVE_2019],
        columns: &[
            ColumnDef {
                key: "made",
                label: "本年新制作数量",
                aliases: &["本年制作数量"],
            },
            ColumnDef {
                key: "published",
                label: "本年新公开数量",
                aliases: &["本年公开数量"],
            },
            ColumnDef {
                key: "published_total",
                label: "对外公开总数量",
                aliases: &[],
            },
        ],
    },
    SubTableDef {
        item: 5,
        rows: &[LICENSING, OTHER_SERVICES],
        columns: &[ITEMS_LAST_YEAR, ITEMS_CHANGE, DECISIONS_2019],
    },
    SubTableDef {
        item: 6,
        rows: &[PENALTIES, ENFORCEMENT],
        columns: &[ITEMS_LAST_YEAR, ITEMS_CHANGE, DECISIONS_2019],
    },
    SubTableDef {
        item: 8,
        rows: &[FEES],
        columns: &[ITEMS_LAST_YEAR, ITEMS_CHANGE],
    },
    SubTableDef {
        item: 9,
        rows: &[PROCUREMENT],
        columns: &[col("items", "采购项目数量"), col("amount", "采购总金额")],
    },
];

const T2_2021: &[SubTableDef] = &[
    SubTableDef {
        item: 1,
        rows: &[REGULATIONS, NORMATIVE_2021],
        columns: &[
            ColumnDef {
                key: "issued",
                label: "本年制发件数",
                aliases: &["本年制发数量"],
            },
            ColumnDef {
                key: "repealed",
                label: "本年废止件数",
                aliases: &["本年废止数量"],
            },
            ColumnDef {
                key: "in_force",
                label: "现行有效件数",
                aliases: &["现行有效数量"],
            },
        ],
    },
    SubTableDef {
        item: 5,
        rows: &[LICENSING],
        columns: &[DECISIONS_2021],
    },
    SubTableDef {
        item: 6,
        rows: &[PENALTIES, ENFORCEMENT],
        columns: &[DECISIONS_2021],
    },
    SubTableDef {
        item: 8,
        rows: &[FEES],
        columns: &[ColumnDef {
            key: "amount_10k_yuan",
            label: "本年收费金额（单位：万元）",
            aliases: &["本年收费金额"],
        }],
    },
];

const WITHHELD: &str = "不予公开";
const UNAVAILABLE: &str = "无法提供";
const NOT_PROCESSED: &str = "不予处理";
const OTHER: &str = "其他处理";
const RESULTS: &str = "本年度办理结果";

/// A group of table 三's rows: a label the template writes over rows that carry only
/// their own numbers (`（三）不予公开` over `1.属于国家秘密` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowGroupDef {
    /// The group's label, as `RowDef::group` names it (`不予公开`).
    pub label: &'static str,
    /// The numbering the template puts before it (`（三）`).
    pub number: &'static str,
    /// The group it stands under, if any (`本年度办理结果`).
    pub parent: Option<&'static str>,
}

/// The row groups of table 三 (both editions), outermost first.
pub const T3_GROUPS: &[RowGroupDef] = &[
    RowGroupDef {
        label: RESULTS,
        number: "三、",
        parent: None,
    },
    RowGroupDef {
        label: WITHHELD,
        number: "（三）",
        parent: Some(RESULTS),
    },
    RowGroupDef {
        label: UNAVAILABLE,
        number: "（四）",
        parent: Some(RESULTS),
    },
    RowGroupDef {
        label: NOT_PROCESSED,
        number: "（五）",
        parent: Some(RESULTS),
    },
    RowGroupDef {
        label: OTHER,
        number: "（六）",
        parent: Some(RESULTS),
    },
];

/// Rows of table 三 that both editions share, up to （五）.
macro_rules! t3_head {
    () => {
        [
            row("new_received", "一、", "本年新收政府信息公开申请数量"),
            row("carried_over", "二、", "上年结转政府信息公开申请数量"),
            grouped("granted", "（一）", "予以公开", RESULTS),
            RowDef {
                key: "partly_granted",
                label: "部分公开（区分处理的，只计这一情形，不计其他情形）",
                number: "（二）",
                group: Some(RESULTS),
                aliases: &["部分公开"],
            },
            grouped("withheld.state_secret", "1.", "属于国家秘密", WITHHELD),
            grouped("withheld.law_forbidden", "2.", "其他法律行政法规禁止公开", WITHHELD),
            grouped("withheld.security_stability", "3.", "危及“三安全一稳定”", WITHHELD),
            grouped("withheld.third_party", "4.", "保护第三方合法权益", WITHHELD),
            grouped("withheld.internal_affairs", "5.", "属于三类内部事务信息", WITHHELD),
            grouped("withheld.process_info", "6.", "属于四类过程性信息", WITHHELD),
            grouped("withheld.enforcement_files", "7.", "属于行政执法案卷", WITHHELD),
            grouped("withheld.inquiry", "8.", "属于行政查询事项", WITHHELD),
            grouped("unavailable.not_held", "1.", "本机关不掌握相关政府信息", UNAVAILABLE),
            grouped("unavailable.needs_creation", "2.", "没有现成信息需要另行制作", UNAVAILABLE),
            grouped("unavailable.unclear", "3.", "补正后申请内容仍不明确", UNAVAILABLE),
            grouped("not_processed.complaint", "1.", "信访举报投诉类申请", NOT_PROCESSED),
            grouped("not_processed.duplicate", "2.", "重复申请", NOT_PROCESSED),
            grouped("not_processed.publication", "3.", "要求提供公开出版物", NOT_PROCESSED),
            grouped("not_processed.excessive", "4.", "无正当理由大量反复申请", NOT_PROCESSED),
            grouped(
                "not_processed.confirmation",
                "5.",
                "要求行政机关确认或重新出具已获取信息",
                NOT_PROCESSED,
            ),
        ]
    };
}

const RESULTS_TOTAL: RowDef = RowDef {
    key: "results_total",
    label: "总计",
    number: "（七）",
    group: Some(RESULTS),
    aliases: &["合计"],
};
const CARRIED_FORWARD: RowDef = row("carried_forward", "四、", "结转下年度继续办理");

const T3_2019: &[RowDef] = &{
    let h = t3_head!();
    [
        h[0],
        h[1],
        h[2],
        h[3],
        h[4],
        h[5],
        h[6],
        h[7],
        h[8],
        h[9],
        h[10],
        h[11],
        h[12],
        h[13],
        h[14],
        h[15],
        h[16],
        h[17],
        h[18],
        h[19],
        grouped("other", "（六）", "其他处理", RESULTS),
        RESULTS_TOTAL,
        CARRIED_FORWARD,
    ]
};

const T3_2021: &[RowDef] = &{
    let h = t3_head!();
    [
        h[0],
        h[1],
        h[2],
        h[3],
        h[4],
        h[5],
        h[6],
        h[7],
        h[8],
        h[9],
        h[10],
        h[11],
        h[12],
        h[13],
        h[14],
        h[15],
        h[16],
        h[17],
        h[18],
        h[19],
        grouped(
            "other.no_correction",
            "1.",
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            OTHER,
        ),
        grouped(
            "other.no_fee",
            "2.",
            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            OTHER,
        ),
        grouped("other.other", "3.", "其他", OTHER),
        RESULTS_TOTAL,
        CARRIED_FORWARD,
    ]
};

/// Columns of table 三, in template order (both editions).
pub const T3_COLUMNS: &[ColumnDef] = &[
    col("natural_person", "自然人"),
    ColumnDef {
        key: "commercial",
        label: "商业企业",
        aliases: &[],
    },
    ColumnDef {
        key: "research",
        label: "科研机构",
        aliases: &[],
    },
    ColumnDef {
        key: "public_interest",
        label: "社会公益组织",
        aliases: &[],
    },
    ColumnDef {
        key: "legal_services",
        label: "法律服务机构",
        aliases: &[],
    },
    ColumnDef {
        key: "other_org",
        label: "其他",
        aliases: &[],
    },
    ColumnDef {
        key: "total",
        label: "总计",
        aliases: &["合计"],
    },
];

/// The three column groups of table 四 (both editions): key and label.
pub const T4_GROUPS: &[ColumnDef] = &[
    col("review", "行政复议"),
    col("litigation_direct", "未经复议直接起诉"),
    col("litigation_after_review", "复议后起诉"),
];

/// The five columns of each table 四 group, in template order.
pub const T4_COLUMNS: &[ColumnDef] = &[
    col("upheld", "结果维持"),
    col("corrected", "结果纠正"),
    col("other", "其他结果"),
    col("pending", "尚未审结"),
    ColumnDef {
        key: "total",
        label: "总计",
        aliases: &["合计"],
    },
];

/// The template of one edition: every table's rows and columns in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    /// The edition this template belongs to.
    pub edition: Edition,
    /// Table 二, as its sub-tables.
    pub t2: &'static [SubTableDef],
    /// Rows of table 三.
    pub t3_rows: &'static [RowDef],
    /// Words of table 二's column headers that only this edition uses (folded, as
    /// parts of a header): a header that holds one tells the table's edition.
    pub t2_header_words: &'static [&'static str],
}

impl Template {
    /// The template of `edition`.
    pub fn of(edition: Edition) -> &'static Template {
        TEMPLATES.get(edition)
    }

    /// Canonical keys of every cell of `table` in this edition, in template order.
    pub fn keys(&self, table: TableId) -> Vec<String> {
        let mut out = Vec::new();
        match table {
            TableId::T2 => {
                for sub in self.t2 {
                    for r in sub.rows {
                        for c in sub.columns {
                            out.push(format!("t2.{}.{}", r.key, c.key));
                        }
                    }
                }
            }
            TableId::T3 => {
                for r in self.t3_rows {
                    for c in T3_COLUMNS {
                        out.push(format!("t3.{}.{}", r.key, c.key));
                    }
                }
            }
            TableId::T4 => {
                for g in T4_GROUPS {
                    for c in T4_COLUMNS {
                        out.push(format!("t4.{}.{}", g.key, c.key));
                    }
                }
            }
        }
        out
    }

    /// The sub-table of table 二 for 第二十条 item `item`, if this edition has it.
    pub fn t2_subtable(&self, item: u8) -> Option<&'static SubTableDef> {
        self.t2.iter().find(|s| s.item == item)
    }
}

static TEMPLATES: PerEdition<Template> = PerEdition::new(
    Template {
        edition: Edition::V2019,
        t2: T2_2019,
        t3_rows: T3_2019,
        t2_header_words: &[
            "本年新制作数量",
            "本年新公开数量",
            "对外公开总数量",
            "上一年项目数量",
            "本年增/减",
            "采购项目数量",
            "采购总金额",
        ],
    },
    Template {
        edition: Edition::V2021,
        t2: T2_2021,
        t3_rows: T3_2021,
        t2_header_words: &[
            "本年制发件数",
            "本年废止件数",
            "现行有效件数",
            "本年处理决定数量",
            "本年收费金额",
        ],
    },
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_counts_match_report_format() {
        let t = Template::of(Edition::V2021);
        assert_eq!(t.keys(TableId::T2).len(), 10);
        assert_eq!(t.keys(TableId::T3).len(), 25 * 7);
        assert_eq!(t.keys(TableId::T4).len(), 15);
        let t = Template::of(Edition::V2019);
        assert_eq!(t.keys(TableId::T2).len(), 6 + 6 + 6 + 2 + 2);
        assert_eq!(t.keys(TableId::T3).len(), 23 * 7);
    }

    /// The wordings of table 二's columns in `edition`: labels and aliases.
    fn t2_column_wordings(edition: Edition) -> Vec<&'static str> {
        Template::of(edition)
            .t2
            .iter()
            .flat_map(|sub| sub.columns)
            .flat_map(|c| std::iter::once(c.label).chain(c.aliases.iter().copied()))
            .collect()
    }

    #[test]
    fn header_words_name_a_column_of_their_edition_only() {
        for e in Edition::ALL {
            let own = t2_column_wordings(e);
            let others: Vec<&str> = Edition::ALL
                .into_iter()
                .filter(|&o| o != e)
                .flat_map(t2_column_wordings)
                .collect();
            let words = Template::of(e).t2_header_words;
            assert!(!words.is_empty());
            for w in words {
                assert!(own.iter().any(|c| c.contains(w)), "{e}: {w}");
                assert!(!others.iter().any(|c| c.contains(w)), "{e}: {w}");
            }
        }
    }

    #[test]
    fn every_row_group_is_one_of_the_groups() {
        for e in Edition::ALL {
            for r in Template::of(e).t3_rows {
                if let Some(group) = r.group {
                    assert!(T3_GROUPS.iter().any(|g| g.label == group), "{e}: {}", r.key);
                }
            }
        }
        for g in T3_GROUPS {
            if let Some(parent) = g.parent {
                assert!(T3_GROUPS.iter().any(|p| p.label == parent), "{}", g.label);
            }
        }
    }

    #[test]
    fn each_template_is_its_editions() {
        for e in Edition::ALL {
            assert_eq!(Template::of(e).edition, e);
        }
    }
}
