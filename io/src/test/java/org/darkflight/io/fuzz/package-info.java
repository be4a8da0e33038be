/** Fuzz tests of the input readers: jqwik properties ({@code InputFuzzTest}) and Jazzer targets. */
package org.darkflight.io.fuzz;
