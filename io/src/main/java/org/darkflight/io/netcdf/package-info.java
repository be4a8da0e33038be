/**
 * Weather-model fields (GFS, HRRR, ERA5) in netCDF read with NetCDF-Java: u, v, temperature and
 * geopotential (height) on pressure levels, interpolated horizontally to the event and linearly in
 * time between the two bracketing outputs, with geopotential converted to geometric altitude.
 * Producer naming variants are resolved through {@link org.darkflight.io.netcdf.NwpVariableMapping}.
 */
package org.darkflight.io.netcdf;
