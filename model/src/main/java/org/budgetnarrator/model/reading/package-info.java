/**
 * Reading a published report back into data: the text of a 部门决算 (as PDF-to-text tools give it, or a PDF's text
 * layer with positions) becomes one department-year in the import format, with a reading report that says where each
 * cell was placed, which cells the reader was not sure of, and which of the tables' identities confirmed or
 * contradicted the placement. A reader never guesses silently: where two placements fit equally, the cell is reported
 * as uncertain.
 */
package org.budgetnarrator.model.reading;
