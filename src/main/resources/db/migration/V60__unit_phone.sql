-- A unit's public telephone (the centre's number printed on the receipt a citizen takes home)
alter table unit add column phone text check (phone is null or length(phone) between 3 and 30);
