/**
 * Drafting of the narrative sections (templates, reasons, checks, model access).
 * Filled by the drafting and evaluation issues; the module exists now so that dependencies
 * already point one way: api → drafting → model.
 */
package org.budgetnarrator.drafting;
