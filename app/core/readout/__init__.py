"""readout"""
