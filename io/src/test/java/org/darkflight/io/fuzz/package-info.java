/** Fuzz tests of the input readers (jqwik). */
package org.darkflight.io.fuzz;
