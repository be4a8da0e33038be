#!/usr/bin/env python3
"""Writes the synthetic test DEMs of testdata/dem/ (GDAL's gdal_translate must be installed).

Grid: cell centres lat 39.9..40.1 N, lon -100.05..-99.60 E, 0.005 deg cells (41 x 91),
float32 heights above mean sea level unless said otherwise. Each plane is linear in degrees, so
bilinear interpolation reproduces it exactly:
  slope_cross.tif  h = 1000 + 10000 (lat - 40)           (slopes north-south, across an eastward fall line)
  slope_along.tif  h = 1000 + 5000 (lon + 99.8)          (slopes west-east, along it)
  slope_cross_utm.tif   slope_cross values tagged EPSG:32614 (wrong CRS)
  slope_cross_nodata.tif  slope_cross with NoData (-9999) east of -99.95
  far_away.tif     slope_cross values moved to lat 9.9..10.1 (no overlap)
  kbmx_demo_plane.tif  the README's DEM demo near the KBMX radar (Alabama): cell centres
                   lat 33.0..33.8 N, lon -87.4..-86.4 E, 0.01 deg cells (81 x 101), a synthetic
                   plane h = 150 + 300 (lat - 33.0) + 100 (lon + 87.4), NOT real terrain
"""
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
NCOLS, NROWS, STEP = 91, 41, 0.005
LON_W, LAT_S = -100.05, 39.9  # centres of the lower-left cell


def write(name, f, srs="EPSG:4326", lat_shift=0.0, grid=(NCOLS, NROWS, STEP, LON_W, LAT_S)):
    ncols, nrows, step, lon_w, lat_s = grid
    with tempfile.TemporaryDirectory() as tmp:
        asc = os.path.join(tmp, "g.asc")
        with open(asc, "w") as out:
            out.write(f"ncols {ncols}\nnrows {nrows}\n")
            out.write(f"xllcenter {lon_w}\nyllcenter {lat_s + lat_shift}\n")
            out.write(f"cellsize {step}\nNODATA_value -9999\n")
            for r in range(nrows):
                lat = lat_s + lat_shift + (nrows - 1 - r) * step
                lon_vals = [lon_w + c * step for c in range(ncols)]
                out.write(" ".join(f"{f(lat, lon):.4f}" for lon in lon_vals) + "\n")
        subprocess.run(["gdal_translate", "-q", "-of", "GTiff", "-ot", "Float32",
                        "-a_srs", srs, asc, os.path.join(HERE, name)], check=True)


cross = lambda lat, lon: 1000 + 10000 * (lat - 40)
write("slope_cross.tif", cross)
write("slope_along.tif", lambda lat, lon: 1000 + 5000 * (lon + 99.8))
write("slope_cross_utm.tif", cross, srs="EPSG:32614")
write("slope_cross_nodata.tif", lambda lat, lon: -9999 if lon > -99.95 else cross(lat, lon))
write("far_away.tif", lambda lat, lon: cross(lat + 30, lon), lat_shift=-30)
write("kbmx_demo_plane.tif", lambda lat, lon: 150 + 300 * (lat - 33.0) + 100 * (lon + 87.4),
      grid=(101, 81, 0.01, -87.4, 33.0))
