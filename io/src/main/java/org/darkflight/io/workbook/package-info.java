/**
 * Legacy Excel workbooks: safe opening (zip-bomb, size and macro checks), the FormulaGraph
 * extractor (POI tokenisation against an allowlist, cross-sheet dependency graph, cycles,
 * constant folding, topological order, domain segments) with its JSON and Markdown outputs, and
 * the reader of the JÖRMUNGANDR v.42 inputs. Nothing here evaluates a formula that the allowlist
 * has not passed.
 */
package org.darkflight.io.workbook;
