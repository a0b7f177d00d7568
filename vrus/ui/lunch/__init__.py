"""The Lunch page: lunch counts per seminar day, diets and allergies, and the parents'
duty roster."""
