-- The travellers in a vehicle (driver, passengers, crew), shown with the vehicle crossing: found by
-- their vehicle crossing. Most crossings are on foot or name no vehicle: a partial index.
create index crossing_vehicle on crossing (vehicle_crossing_id) where vehicle_crossing_id is not null;
