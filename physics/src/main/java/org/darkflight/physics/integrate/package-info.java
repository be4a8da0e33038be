/**
 * Allocation-free one-step integrators for first-order ODE systems (classical Runge–Kutta,
 * Runge–Kutta–Fehlberg 4(5) with step control, semi-implicit Euler) behind one
 * {@link org.darkflight.physics.integrate.Integrator} interface.
 */
package org.darkflight.physics.integrate;
