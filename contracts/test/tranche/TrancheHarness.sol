// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {TrancheWaterfall} from "../../src/tranche/TrancheWaterfall.sol";

/// @notice TrancheWaterfall over a pool reduced to its principal value (`total`) and each tranche's share supply,
/// priced as a vault prices them: what the tests drive and read.
contract TrancheHarness {
    using TrancheWaterfall for TrancheWaterfall.Tranches;

    TrancheWaterfall.Tranches internal _t;
    uint256 public total;
    uint256 public seniorSupply;
    uint256 public juniorSupply;
    uint256 public feeBps;

    constructor(uint256 seniorRateBps, uint256 minSubordinationBps, uint256 feeBps_) {
        _t.init(seniorRateBps, minSubordinationBps, block.timestamp);
        feeBps = feeBps_;
    }

    /// @notice What senior holders put in and have not taken out: their value plus their unrecovered loss.
    function seniorClaim() external view returns (uint256) {
        return uint256(_t.seniorValue) + _t.seniorLoss;
    }

    function seniorLoss() external view returns (uint256) {
        return _t.seniorLoss;
    }

    function seniorValue() public view returns (uint256) {
        return _t.seniorValue;
    }

    function juniorValue() public view returns (uint256) {
        return _t.juniorValue(total);
    }

    function interestOwed() external view returns (uint256) {
        return _t.interestOwed(block.timestamp);
    }

    function maxSeniorDeposit() external view returns (uint256) {
        return _t.maxSeniorDeposit(total);
    }

    function maxJuniorExit() external view returns (uint256) {
        return _t.maxJuniorExit(total);
    }

    /// @dev As OpenZeppelin's ERC-4626 prices them, with one virtual share and asset: a tranche worth nothing
    /// still takes deposits, at a price that gives the newcomer what they paid in.
    function _toShares(uint256 assets, uint256 supply, uint256 value) internal pure returns (uint256) {
        return assets * (supply + 1) / (value + 1);
    }

    function depositSenior(uint256 assets) external returns (uint256 shares) {
        shares = _toShares(assets, seniorSupply, seniorValue());
        _t.accrue(block.timestamp);
        _t.addSenior(assets);
        total += assets;
        _t.requireSubordination(total);
        seniorSupply += shares;
    }

    function depositJunior(uint256 assets) external returns (uint256 shares) {
        shares = _toShares(assets, juniorSupply, juniorValue());
        _t.accrue(block.timestamp);
        total += assets;
        juniorSupply += shares;
    }

    function exitSenior(uint256 shares) external returns (uint256 paid) {
        paid = seniorValue() * shares / seniorSupply;
        _t.accrue(block.timestamp);
        _t.removeSenior(shares, seniorSupply, paid);
        total -= paid;
        seniorSupply -= shares;
    }

    function exitJunior(uint256 shares) external returns (uint256 paid) {
        paid = juniorValue() * shares / juniorSupply;
        _t.accrue(block.timestamp);
        total -= paid;
        juniorSupply -= shares;
        _t.requireSubordination(total);
    }

    /// @notice A provision or write-down (value down) or a recovery or release (value up).
    function loss(uint256 amount) external returns (uint256 toJunior, uint256 toSenior) {
        _t.accrue(block.timestamp);
        (toJunior, toSenior) = _t.absorbLoss(total, amount);
        total -= amount;
    }

    function recover(uint256 amount) external returns (uint256 toSenior, uint256 toJunior) {
        _t.accrue(block.timestamp);
        (toSenior, toJunior) = _t.restore(amount);
        total += amount;
    }

    function distribute(uint256 revenue) external returns (TrancheWaterfall.Split memory) {
        return _t.distribute(revenue, feeBps, block.timestamp);
    }
}
