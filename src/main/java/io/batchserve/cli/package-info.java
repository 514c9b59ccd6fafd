/**
 * The command line: the picocli root and one class per subcommand. Wiring only; the work lives
 * elsewhere.
 */
package io.batchserve.cli;
