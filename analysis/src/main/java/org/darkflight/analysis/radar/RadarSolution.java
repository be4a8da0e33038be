package org.darkflight.analysis.radar;

import java.util.List;

/**
 * The result of the radar workflow.
 *
 * @param returns  one solution per return, in input order
 * @param refined  the refined terminus
 */
public record RadarSolution(List<ReturnSolution> returns, RefinedTerminus refined) {
  public RadarSolution {
    returns = List.copyOf(returns);
  }
}
