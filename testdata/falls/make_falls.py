#!/usr/bin/env python3
"""Writes the Darkflight inputs of the real falls in testdata/falls/ from published numbers.

Every number's source is in testdata/falls/README.md. Heights of the luminous ends are WGS84
ellipsoidal (DFN triangulation, astropy EarthLocation), so the events say
height_reference "ellipsoid". The WRF profiles' heights are taken as above mean sea level (model
heights; inferred, no source states it), the grounds too.

The Dingle Dell wind profile is not shipped (its licence is unclear): pass the path of
data/profile_DN161031_1200_model_start_2016-10-31_1200.csv from
github.com/trentjs/meteoroid_darkflight_analysis (commit 700320ef) as the first argument to
write dingle-dell-2016/atmos_profile.json; without it only the other Dingle Dell files are
written.
"""
import csv, json, math, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))

def event(name, time, lat, lon, h, v, az, el, source):
    return {"$schema": "https://darkflight.org/schemas/event.schema.json", "event_id": name,
            "luminous_end": {"time_utc": time, "lat": lat, "lon": lon, "altitude_m": h,
                             "speed_mps": v, "azimuth_deg": az, "elevation_deg": el,
                             "height_reference": "ellipsoid"},
            "meta": {"schema_version": "1.0",
                     "units": {"time_utc": "UTC", "lat": "deg", "lon": "deg", "altitude_m": "m",
                               "speed_mps": "m/s", "azimuth_deg": "deg", "elevation_deg": "deg"},
                     "provenance": {"source": source, "licence": "see testdata/falls/README.md"}}}

def profile(csvfile, time, lat, lon, source):
    levels = []
    with open(os.path.join(HERE, csvfile)) as f:  # an absolute csvfile is used as it is
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            h, t, p, rh, w, d = [float(x) for x in line.split(",")]
            levels.append({"altitude_m": h, "temperature_K": t, "pressure_Pa": p,
                           "wind_speed_mps": w, "wind_dir_deg": d % 360})
    return {"$schema": "https://darkflight.org/schemas/atmos_profile.schema.json",
            "meta": {"schema_version": "1.0", "profile_time_utc": time,
                     "location": {"lat": lat, "lon": lon}, "height_reference": "msl",
                     "units": {"altitude_m": "m", "temperature_K": "K", "pressure_Pa": "Pa",
                               "wind_speed_mps": "m/s", "wind_dir_deg": "deg"},
                     "provenance": {"source": source, "licence": "see testdata/falls/README.md"}},
            "levels": levels}

def fragments(mass, density, source):
    return {"$schema": "https://darkflight.org/schemas/fragments.schema.json",
            "fragments": [{"id": "main", "mass_kg": mass, "density_kgm3": density,
                           "cd": 1.0, "shape_factor": 1.21}],
            "meta": {"schema_version": "1.0",
                     "units": {"mass_kg": "kg", "density_kgm3": "kg/m3", "cd": "1"},
                     "provenance": {"source": source, "licence": "see testdata/falls/README.md"}}}

def config(ground, source):
    with open(os.path.join(HERE, "..", "events", "park-forest-2003",
                           "physics_config_ensemble.json")) as f:
        c = json.load(f)
    c["ground_altitude_m"] = ground
    c["height_reference"] = "msl"
    c["meta"]["provenance"] = {"source": "testdata/events/park-forest-2003/"
                               "physics_config_ensemble.json unchanged (the shipped ensemble "
                               "configuration: mach_regime drag, rkf45) except the ground: "
                               + source, "licence": "Apache-2.0"}
    return c

def write(d, name, doc):
    os.makedirs(os.path.join(HERE, d), exist_ok=True)
    with open(os.path.join(HERE, d, name), "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")

# Murrili (DN151127_01): DFN_darkflight example_murrili.cfg (MIT)
write("murrili-2015", "event.json", event("murrili-2015", "2015-11-27T10:43:51.626Z",
      -29.26536580869662, 137.47792883987492, 18017.406995819358, 3102.7991615107253,
      82.58835110729137, 90 - 21.800600692182467,
      "DFN_darkflight example_murrili.cfg (lat0, lon0, z0, vtot0, azimuth0 = direction of motion, "
      "zenangle -> elevation 90 - zenith, exposure_time)"))
write("murrili-2015", "atmos_profile.json", profile("murrili_DFN_example_murrili_wind_profile.csv",
      "2015-11-27T10:43:51Z", -29.26536580869662, 137.47792883987492,
      "DFN_darkflight example_murrili_wind_profile.csv (WRF; WDir = direction FROM)"))
write("murrili-2015", "fragments.json", fragments(1.68, 3500.0,
      "mass0 1.68 kg (= the recovered mass, MetBull), rdens0 3500 kg/m3, sphere"))
write("murrili-2015", "physics_config.json", config(-15.0,
      "DFN example_murrili.cfg [gnd] gndlvl -15 m (Kati Thanda-Lake Eyre South, below sea level)"))

# Dingle Dell (DN161031_01): trentjs/meteoroid_darkflight_analysis, last triangulated timestep
ve, vn, vu = -943.74, -1916.57, -2660.41   # from the ECEF velocity (research note, derived)
az = math.degrees(math.atan2(ve, vn)) % 360
el = math.degrees(math.atan2(-vu, math.hypot(ve, vn)))
write("dingle-dell-2016", "event.json", event("dingle-dell-2016", "2016-10-31T12:03:53.826Z",
      -29.170430343524995, 116.19521347974522, 19170.57584110794, 3411.989369839043,
      round(az, 3), round(el, 3),
      "trentjs/meteoroid_darkflight_analysis data/DN161031_01_triangulation_all_timesteps.ecsv, "
      "last row (position, D_DT_geo speed, ECEF velocity -> azimuth/elevation)"))
if len(sys.argv) > 1:
    write("dingle-dell-2016", "atmos_profile.json", profile(os.path.abspath(sys.argv[1]),
          "2016-10-31T12:00:00Z", -29.170430343524995, 116.19521347974522,
          "trentjs/meteoroid_darkflight_analysis data/profile_DN161031_1200_model_start_2016-10-31_1200.csv (WRF)"))
write("dingle-dell-2016", "fragments.json", fragments(1.15, 3500.0,
      "recovered mass 1.15 kg (Devillepoix et al. 2018), rho 3500 kg/m3 as the authors' run, sphere"))
write("dingle-dell-2016", "physics_config.json", config(315.0,
      "h_ground 315 m of the authors' darkflight command (trentjs README)"))
