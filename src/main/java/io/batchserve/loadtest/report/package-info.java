/**
 * Report output shared by the load test and the plan: terminal tables, line charts drawn once and
 * rendered both as inline SVG (HTML) and as PNG (Java2D, headless), self-contained HTML pages and
 * JSON files.
 */
package io.batchserve.loadtest.report;
