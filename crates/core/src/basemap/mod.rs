//! Offline basemap: vector data from Natural Earth rasterised into map tiles.
