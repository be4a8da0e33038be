/** JMH benchmarks of the physics core; run with {@code bench/run-jmh.sh}, never by the tests. */
package org.darkflight.bench;
